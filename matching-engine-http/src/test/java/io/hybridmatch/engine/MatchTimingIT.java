package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every millisecond of a match request is in one stage: on real requests, the stages (request JSON, source,
 * retrieval, fusion, fetch, scoring, response JSON, and what none of them reports) add up to the request's time
 * as Spring's own request observation measures it.
 */
class MatchTimingIT extends EngineIT {

    private static final List<String> STAGES = List.of("request_json", "source", "retrieval", "fusion", "fetch",
            "scoring", "response_json", "unreported");

    /** The sum over every series of {@code metric} whose labels contain each of {@code labels}. */
    private static double sum(String scrape, String metric, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} ([0-9.eE+-]+)$").matcher(scrape);
        double total = 0;
        while (m.find()) {
            String found = m.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private record Totals(double requestSeconds, double requests, Map<String, Double> stageSeconds, Map<String, Double> stageCounts) {
    }

    private Totals totals(String direction, String uri) {
        String scrape = client.get("/actuator/prometheus");
        Map<String, Double> seconds = new java.util.HashMap<>();
        Map<String, Double> counts = new java.util.HashMap<>();
        for (String stage : STAGES) {
            String[] labels = {"direction=\"" + direction + "\"", "stage=\"" + stage + "\""};
            seconds.put(stage, sum(scrape, "hybridmatch_match_stage_seconds_sum", labels));
            counts.put(stage, sum(scrape, "hybridmatch_match_stage_seconds_count", labels));
        }
        return new Totals(sum(scrape, "http_server_requests_seconds_sum", "uri=\"" + uri + "\""),
                sum(scrape, "http_server_requests_seconds_count", "uri=\"" + uri + "\""), seconds, counts);
    }

    /**
     * Up to three batches of {@code n} requests: a stall outside the stages (a collection, the other processes of two
     * busy cores preempting the request inside Spring's filter) lands in one batch, a stage left unaccounted in every
     * one.
     */
    private void stagesAddUpToTheRequest(String direction, String uri, Runnable requests, int n) {
        List<String> batches = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Totals before = totals(direction, uri);
            requests.run();
            Totals after = totals(direction, uri);
            assertThat(after.requests() - before.requests()).isEqualTo(n);
            double stages = 0;
            for (String stage : STAGES) {
                assertThat(after.stageCounts().get(stage) - before.stageCounts().get(stage)).as("requests timed in %s", stage)
                        .isEqualTo(n);
                stages += after.stageSeconds().get(stage) - before.stageSeconds().get(stage);
            }
            double request = after.requestSeconds() - before.requestSeconds();
            // what lies outside: Spring's observation filter itself, around ours
            if (Math.abs(stages - request) <= request * 0.05) {
                return;
            }
            batches.add(String.format(Locale.ROOT, "stages %.4f s, requests %.4f s", stages, request));
        }
        fail("the stages never added up to the requests within 5 %: " + batches);
    }

    @Test
    void theStagesOfOfferToCandidatesAddUpToTheRequest() {
        stagesAddUpToTheRequest("candidates_for_offer", "/match/candidates", () -> {
            for (long offer = 101; offer <= 108; offer++) {
                ContractClient.Reply reply = client.post("/match/candidates", Map.of("job_offer_id", offer, "size", 5));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body().get("timings_ms").propertyNames()).as("the stages finished before the answer is written")
                        .contains("request_json", "source", "retrieval", "elasticsearch", "faiss", "fusion", "fetch", "scoring");
            }
        }, 8);
    }

    @Test
    void theStagesOfCandidateToOffersAddUpToTheRequest() {
        Map<String, Object> candidate = Map.of("candidate_id", 9_998, "headline", "Développeur Java",
                "summary", "Spring Boot, Kafka et PostgreSQL.", "skills", List.of("Java", "Spring"), "location", "Paris",
                "updated_at", "2026-11-01T00:00:00Z");
        stagesAddUpToTheRequest("offers_for_candidate", "/match/offers", () -> {
            for (int i = 0; i < 5; i++) {
                assertThat(client.post("/match/offers", Map.of("candidate", candidate)).status()).isEqualTo(200);
            }
        }, 5);
    }
}
