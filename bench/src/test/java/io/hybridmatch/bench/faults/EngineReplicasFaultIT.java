package io.hybridmatch.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.bench.JarProcess;
import io.hybridmatch.bench.replicas.ReplicaLoad;
import io.hybridmatch.bench.replicas.ReplicaLoad.Probe;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.security.ApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two stateless engine replicas on the Elasticsearch vector backend: two processes of the engine's jar, started as
 * {@code bin/run} starts one (demo data, {@code hybridmatch.vector-store=elasticsearch}), each on its own port, on
 * the same Elasticsearch node. Both must give the same answers to {@code /match/*} and {@code /faiss/search}; then a
 * client sending those requests round robin, retrying on the other replica when a connection fails, runs while one
 * replica is killed with SIGKILL halfway: no error and no different answer may reach it. 20 s of load in CI;
 * {@code -Dreplicas.duration=PT10M} (profile {@code reliability}) is the long form. Figures printed.
 */
class EngineReplicasFaultIT {

    static final Duration DURATION = Duration.parse(System.getProperty("replicas.duration", "PT20S"));
    static final String KEY = "replicas-" + UUID.randomUUID();
    /** Readiness comes after start-up work such as the demo load. */
    static final String READY = "actuator/health/readiness";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void oneReplicaKilledMidLoadCostsARetryingClientNothing() throws Exception {
        try (JarProcess a = replica(); JarProcess b = replica()) {
            CompletableFuture.allOf(a.healthy(READY, Duration.ofMinutes(5)), b.healthy(READY, Duration.ofMinutes(5))).join();
            List<Probe> probes = probes(a.url());
            ReplicaLoad load = new ReplicaLoad(List.of(a.url(), b.url()), KEY);
            List<JsonNode> expected = load.answersOf(a.url(), probes);
            assertThat(load.answersOf(b.url(), probes)).as("the same answers from both replicas")
                    .usingElementComparator((x, y) -> ReplicaLoad.sameAnswer(x, y) ? 0 : 1).isEqualTo(expected);
            assertThat(expected).allSatisfy(hits -> assertThat(hits.size()).isPositive());

            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(DURATION.toMillis() / 2);
                    b.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ReplicaLoad.Report report = load.run(probes, expected, 4, DURATION);
            killer.join();
            System.out.printf("ENGINE REPLICAS %d s, kill -9 of one at %d s: %d requests sent, %d errors seen, %d retries,"
                            + " %d different answers; answered by replica a/b: %s%n", DURATION.toSeconds(),
                    DURATION.toSeconds() / 2, report.sent(), report.errors(), report.retries(), report.mismatches(),
                    report.answeredBy());

            assertThat(b.isAlive()).as("replica b was killed").isFalse();
            assertThat(report.firstProblem()).isNull();
            assertThat(report.errors()).isZero();
            assertThat(report.mismatches()).isZero();
            assertThat(report.retries()).as("requests went to the killed replica and were retried").isPositive();
            assertThat(report.answeredBy()).allSatisfy(answered -> assertThat(answered).isPositive());
        }
    }

    /** As bin/run starts the engine, with the vectors in Elasticsearch. */
    private static JarProcess replica() throws Exception {
        return JarProcess.start("matching-engine-http", List.of("-Xmx512m"), List.of(
                "--hybridmatch.elasticsearch.url=" + TestElasticsearch.url(),
                "--hybridmatch.vector-store=elasticsearch",
                "--hybridmatch.demo.enabled=true",
                "--hybridmatch.security.api-keys[0].name=client",
                "--hybridmatch.security.api-keys[0].sha256=" + ApiKeys.sha256Hex(KEY),
                "--hybridmatch.security.api-keys[0].scopes=match,vectors:read"));
    }

    /** The demo offers' candidates, the first demo candidates' offers, and searches by the demo candidates' vectors. */
    private static List<Probe> probes(URI engine) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (int offer = 101; offer <= 108; offer++) {
            probes.add(new Probe("match/candidates", "{\"job_offer_id\":" + offer + ",\"size\":10}"));
        }
        for (int candidate = 1; candidate <= 4; candidate++) {
            probes.add(new Probe("match/offers", "{\"candidate_id\":" + candidate + ",\"size\":5}"));
        }
        HttpClient http = HttpClient.newHttpClient();
        for (int candidate = 1; candidate <= 8; candidate++) {
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(engine.resolve("faiss/indexes/candidates/vectors/"
                    + candidate)).header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            JsonNode vector = JSON.readTree(stored.body()).get("vector");
            probes.add(new Probe("faiss/search", "{\"index\":\"candidates\",\"top_k\":5,\"vector\":" + vector + "}"));
        }
        return probes;
    }
}
