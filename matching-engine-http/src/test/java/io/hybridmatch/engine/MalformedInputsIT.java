package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.engine.MalformedRequests.Request;
import io.hybridmatch.engine.SampleCalls.Call;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on every endpoint of the contract, from a seeded generator ({@code -Dmalformed.seed}, printed):
 * each request gets an answer below 500, every 4xx is an RFC 7807 document, the engine stays up, and nothing
 * indexed before (documents at their versions, their vectors) is lost. Prints the figures of the README's table.
 */
class MalformedInputsIT extends EngineIT {

    static final long SEED = Long.getLong("malformed.seed", 20_261_202L);
    static final int PER_KIND = Integer.getInteger("malformed.per-kind", 2);
    private static final long KEPT_ID = 7_451_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** How one request ended. */
    enum Outcome {
        REJECTED_AS_PROBLEM, ACCEPTED, CLIENT_ERROR_WITHOUT_PROBLEM, SERVER_ERROR, NO_ANSWER
    }

    record Tried(Request request, Outcome outcome, int status, String body) {
    }

    @Test
    void everyEndpointAnswersMalformedInputWithA4xxProblemAndLosesNothing() throws Exception {
        assertThat(client.post("/faiss/upsert", Map.of("index", "candidates", "items",
                List.of(Map.of("id", KEPT_ID, "vector", UnitVectors.random(384, KEPT_ID))))).status()).isEqualTo(200);
        Map<String, Map<Long, Long>> documentsBefore = documents(client);
        Map<String, JsonNode> consistencyBefore = consistency(client);
        String keptVector = client.get("/faiss/indexes/candidates/vectors/" + KEPT_ID);

        MalformedRequests generator = new MalformedRequests(SEED);
        List<Tried> tried = new ArrayList<>();
        for (Call call : SampleCalls.ALL) {
            for (Request request : generator.variants(call, PER_KIND)) {
                tried.add(send(request));
            }
        }

        print(tried);
        assertThat(tried.stream().filter(t -> t.outcome() == Outcome.SERVER_ERROR || t.outcome() == Outcome.NO_ANSWER
                || t.outcome() == Outcome.CLIENT_ERROR_WITHOUT_PROBLEM)).as("answers that are not a clean refusal").isEmpty();
        assertThat(tried.stream().filter(t -> t.outcome() == Outcome.REJECTED_AS_PROBLEM).count())
                .as("most malformed requests are refused").isGreaterThan(tried.size() * 3L / 4);

        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("engine still up").isEqualTo(200);
        Map<String, Map<Long, Long>> documentsAfter = documents(client);
        documentsBefore.forEach((index, versions) -> assertThat(documentsAfter.get(index))
                .as("documents of %s at their versions", index).containsAllEntriesOf(versions));
        Map<String, JsonNode> consistencyAfter = consistency(client);
        consistencyBefore.forEach((index, report) -> assertThat(consistencyAfter.get(index).get("missing_vectors").asLong())
                .as("vectors missing from %s", index).isLessThanOrEqualTo(report.get("missing_vectors").asLong()));
        assertThat(client.get("/faiss/indexes/candidates/vectors/" + KEPT_ID)).isEqualTo(keptVector);
    }

    private Tried send(Request request) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.pathAndQuery()))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + TestKeys.ADMIN.key())
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return new Tried(request, Outcome.NO_ANSWER, 0, e.toString());
        }
        int status = response.statusCode();
        Outcome outcome = status >= 500 ? Outcome.SERVER_ERROR
                : status >= 400 ? (isProblem(response) ? Outcome.REJECTED_AS_PROBLEM : Outcome.CLIENT_ERROR_WITHOUT_PROBLEM)
                : Outcome.ACCEPTED;
        return new Tried(request, outcome, status, response.body());
    }

    /** RFC 7807: {@code application/problem+json} with the answer's status and a title. */
    private static boolean isProblem(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = JSON.readTree(response.body());
        return problem.path("status").asInt() == response.statusCode() && !problem.path("title").asString().isBlank()
                && !problem.path("type").asString().isBlank();
    }

    private static void print(List<Tried> tried) {
        Map<Outcome, Long> total = tried.stream().collect(Collectors.groupingBy(Tried::outcome, TreeMap::new, Collectors.counting()));
        Map<Integer, Long> statuses = tried.stream().collect(Collectors.groupingBy(Tried::status, TreeMap::new, Collectors.counting()));
        Map<String, Map<Outcome, Long>> byKind = tried.stream().collect(Collectors.groupingBy(t -> t.request().kind(),
                TreeMap::new, Collectors.groupingBy(Tried::outcome, TreeMap::new, Collectors.counting())));
        StringBuilder out = new StringBuilder("MALFORMED INPUT (engine, seed " + SEED + "): " + tried.size()
                + " requests on " + SampleCalls.ALL.size() + " endpoints: " + total + "; statuses " + statuses + "\n");
        byKind.forEach((kind, outcomes) -> out.append("  ").append(kind).append(": ").append(outcomes).append('\n'));
        tried.stream().filter(t -> t.outcome() != Outcome.REJECTED_AS_PROBLEM && t.outcome() != Outcome.ACCEPTED)
                .forEach(t -> out.append("  NOT CLEAN ").append(t.status()).append(' ').append(t.request()).append(" -> ")
                        .append(t.body().length() > 300 ? t.body().substring(0, 300) : t.body()).append('\n'));
        tried.stream().filter(t -> t.outcome() == Outcome.ACCEPTED).map(t -> t.request().operation() + " / " + t.request().kind())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .forEach((what, n) -> out.append("  accepted: ").append(what).append(" × ").append(n).append('\n'));
        System.out.print(out);
    }

    private static Map<String, Map<Long, Long>> documents(ContractClient client) {
        Map<String, Map<Long, Long>> out = new TreeMap<>();
        for (String index : List.of("candidates", "job_offers")) {
            out.put(index, client.get("/admin/consistency/" + index + "/documents").lines().map(JSON::readTree)
                    .collect(Collectors.toMap(d -> d.get("id").asLong(), d -> d.get("version").asLong())));
        }
        return out;
    }

    private static Map<String, JsonNode> consistency(ContractClient client) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (String index : List.of("candidates", "job_offers")) {
            out.put(index, client.getJson("/admin/consistency/" + index).body());
        }
        return out;
    }
}
