package io.hybridmatch.bench.latency;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offer → candidates requests through HTTP to a running engine, one at a time (latency, not throughput), with the
 * default options. Reports the client's end-to-end times and, from the engine's Prometheus histograms scraped
 * before and after, each stage and retriever and Spring's own request timer.
 */
final class MatchRequests {

    static final String DIRECTION = "direction=\"candidates_for_offer\"";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * End to end in ms per request (client side), the engine's histograms of the measured requests and what its
     * collector did meanwhile.
     */
    record Result(double[] endToEndMs, long[] offers, StageHistograms stages, StageHistograms retrievers,
                  StageHistograms server, Gc gc) {
    }

    /**
     * The engine JVM's heap allocation (Micrometer counts it at each collection: to within one young generation)
     * and its collection pauses between two scrapes: a pause stalls the request in flight, so how often they come
     * bounds the tail.
     */
    record Gc(double allocatedBytes, double pauses, double pauseSeconds) {

        private static final String ALLOCATED = "jvm_gc_memory_allocated_bytes_total";

        static Gc between(String before, String after) {
            return new Gc(total(after, ALLOCATED, Double.NaN) - total(before, ALLOCATED, Double.NaN),
                    total(after, "jvm_gc_pause_seconds_count", 0) - total(before, "jvm_gc_pause_seconds_count", 0),
                    total(after, "jvm_gc_pause_seconds_sum", 0) - total(before, "jvm_gc_pause_seconds_sum", 0));
        }

        /**
         * A metric summed over its series, {@code absent} when the scrape has none: the allocation counter is there
         * as soon as the JVM's metrics are (NaN: they are not), a pause timer only from its first pause (0).
         */
        static double total(String scrape, String metric, double absent) {
            Matcher m = Pattern.compile("(?m)^" + metric + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
            double sum = absent;
            boolean found = false;
            while (m.find()) {
                sum = (found ? sum : 0) + Double.parseDouble(m.group(1));
                found = true;
            }
            return sum;
        }
    }

    /** The first answer's body per offer, for {@link #writeAnswers}. */
    private final Map<Long, String> answers = new TreeMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI engine;
    private final String apiKey;

    MatchRequests(URI engine, String apiKey) {
        this.engine = engine;
        this.apiKey = apiKey;
    }

    Result run(List<Long> offerIds, int warmUp, int requests) throws IOException, InterruptedException {
        for (int i = 0; i < warmUp; i++) {
            match(offerIds.get(i % offerIds.size()));
        }
        String before = scrape();
        double[] endToEnd = new double[requests];
        long[] offers = new long[requests];
        for (int i = 0; i < requests; i++) {
            offers[i] = offerIds.get((warmUp + i) % offerIds.size());
            long start = System.nanoTime();
            match(offers[i]);
            endToEnd[i] = (System.nanoTime() - start) / 1e6;
        }
        String after = scrape();
        return new Result(endToEnd, offers, histograms(after, "hybridmatch_match_stage_seconds", "stage", DIRECTION)
                .minus(histograms(before, "hybridmatch_match_stage_seconds", "stage", DIRECTION)),
                histograms(after, "hybridmatch_match_retriever_seconds", "retriever", DIRECTION)
                        .minus(histograms(before, "hybridmatch_match_retriever_seconds", "retriever", DIRECTION)),
                histograms(after, "http_server_requests_seconds", null, "uri=\"/match/candidates\"")
                        .minus(histograms(before, "http_server_requests_seconds", null, "uri=\"/match/candidates\"")),
                Gc.between(before, after));
    }

    private static StageHistograms histograms(String scrape, String metric, String key, String filter) {
        return StageHistograms.parse(scrape, metric, key, filter);
    }

    private void match(long offerId) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(engine.resolve("/match/candidates"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(java.util.Map.of("job_offer_id", offerId)))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("offer " + offerId + ": " + response.statusCode() + " " + response.body());
        }
        answers.putIfAbsent(offerId, response.body());
    }

    /**
     * One line per offer: its id and the hits of its first answer (ids, scores, ranks, explanations; not the
     * search id or the timings), so that two engines' answers on the same stores can be compared with diff.
     */
    void writeAnswers(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Long, String> answer : answers.entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("offer", answer.getKey());
            line.put("hits", JSON.readTree(answer.getValue()).get("hits"));
            lines.add(JSON.writeValueAsString(line));
        }
        Files.write(file, lines);
    }

    String scrape() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(engine.resolve("/actuator/prometheus")).GET()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
