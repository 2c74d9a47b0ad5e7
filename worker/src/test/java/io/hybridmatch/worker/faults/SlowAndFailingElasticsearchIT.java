package io.hybridmatch.worker.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.hybridmatch.celery.worker.DeadLetterReplay;
import io.hybridmatch.celery.worker.DeadLetters;
import io.hybridmatch.celery.worker.TaskExecution;
import io.hybridmatch.worker.faults.FaultRig.Worker;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch answering slowly or with errors, through WireMock in front of the real node (everything else is
 * proxied to it): 503, 429 and answers slower than the worker's timeout are retried until the real write succeeds;
 * a bulk answer with failed items (a stand-in: the node itself will not fail single items on demand) retries those
 * items only; an Elasticsearch that keeps failing past the horizon never yields SUCCESS: the tasks are dead-lettered,
 * and replayed once it answers again.
 */
class SlowAndFailingElasticsearchIT {

    static final int PROFILES = 10;
    static final Duration FAULT = Duration.ofSeconds(3);
    static final Duration WAIT = Duration.ofMinutes(2);
    static final Duration HORIZON = Duration.ofSeconds(6);
    static final Instant UPDATED_AT = Instant.parse("2026-06-01T08:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static FaultRig rig;
    static WireMockServer proxy;
    static Worker worker;

    @BeforeAll
    static void start() throws Exception {
        rig = FaultRig.shared();
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new FailBulkItems()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(rig.esUrl().toString())));
        worker = rig.worker(5672, URI.create(proxy.baseUrl()), "hybridmatch.elasticsearch.timeout=5s",
                "hybridmatch.indexing.retry.initial-delay=100ms", "hybridmatch.indexing.retry.max-delay=500ms",
                "hybridmatch.indexing.retry.horizon=" + HORIZON.toMillis() + "ms");
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
    }

    /** Candidates with ids of their own; the index requests of exactly these ids match {@link #documents()}. */
    record Batch(long base, Map<Long, Instant> expected) {
        static Batch create() {
            long base = ThreadLocalRandom.current().nextLong(1_000, 9_000) * 1_000_000;
            Map<Long, Instant> expected = new LinkedHashMap<>();
            for (int i = 0; i < PROFILES; i++) {
                expected.put(base + i, UPDATED_AT);
            }
            return new Batch(base, expected);
        }

        String documents() {
            return "/candidates/_doc/" + base / 1_000 + "\\d{3}";
        }

        List<String> sendOneByOne() throws InterruptedException {
            List<String> tasks = new ArrayList<>();
            for (long id : expected.keySet()) {
                tasks.add(worker.client().send("hybridmatch.index_candidate", List.of(FaultRig.candidate(id, UPDATED_AT, "Java developer"))));
            }
            return tasks;
        }
    }

    /** Elasticsearch answers the batch's index requests with {@code answer} for {@link #FAULT}, then normally. */
    private FaultFigures faultFor(String fault, ResponseDefinitionBuilder answer) throws Exception {
        Batch batch = Batch.create();
        long runs = worker.succeededRuns();
        List<StubMapping> stubs = failIndexing(batch, answer);
        List<String> tasks = batch.sendOneByOne();
        Thread.sleep(FAULT.toMillis());
        stubs.forEach(proxy::removeStub);
        long faulty = proxy.getAllServeEvents().stream()
                .filter(e -> stubs.stream().anyMatch(stub -> stub.getId().equals(e.getStubMapping().getId()))).count();
        assertThat(faulty).as("index requests that met the fault").isPositive();
        return rig.figures(fault + " for " + FAULT.toSeconds() + " s (" + faulty + " faulty answers)", worker, runs, tasks,
                batch.expected(), WAIT).report();
    }

    /**
     * The batch's index requests answer {@code answer}: one by one, and in the bulk requests of the tasks the worker
     * indexes together (micro-batching).
     */
    private List<StubMapping> failIndexing(Batch batch, ResponseDefinitionBuilder answer) {
        return List.of(proxy.stubFor(put(urlPathMatching(batch.documents())).atPriority(1).willReturn(answer)),
                proxy.stubFor(post(urlPathEqualTo("/_bulk")).atPriority(1).withRequestBody(
                        matching("(?s).*\"_id\":\"" + batch.base() / 1_000 + "\\d{3}\".*")).willReturn(answer)));
    }

    static void assertNothingLost(FaultFigures f) {
        assertThat(f.lost()).as("ids lost").isEmpty();
        assertThat(f.stale()).as("ids left at an older version").isEmpty();
        assertThat(f.acknowledged()).as("every task ends SUCCESS").isEqualTo(f.pushed());
    }

    @Test
    void unavailableAnswersAreRetried() throws Exception {
        assertNothingLost(faultFor("Elasticsearch answers 503", aResponse().withStatus(503)
                .withHeader("X-elastic-product", "Elasticsearch").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"unavailable_shards_exception\",\"reason\":\"primary shard is not active\"},\"status\":503}")));
    }

    @Test
    void throttlingIsRetried() throws Exception {
        assertNothingLost(faultFor("Elasticsearch answers 429", aResponse().withStatus(429)
                .withHeader("X-elastic-product", "Elasticsearch").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"rejected execution\"},\"status\":429}")));
    }

    @Test
    void answersSlowerThanTheTimeoutAreRetried() throws Exception {
        // the node does write: the retry of the same version is accepted again (idempotent)
        assertNothingLost(faultFor("Elasticsearch answers after 8 s (timeout 5 s)",
                aResponse().proxiedFrom(rig.esUrl().toString()).withFixedDelay(8_000)));
    }

    @Test
    void aBulkRetriesOnlyItsFailedItems() throws Exception {
        Batch batch = Batch.create();
        long runs = worker.succeededRuns();
        List<Object> payloads = batch.expected().keySet().stream()
                .map(id -> (Object) FaultRig.candidate(id, UPDATED_AT, "Java developer")).toList();
        String marker = "\"_id\":\"" + batch.base() + "\"";
        proxy.stubFor(post(urlPathEqualTo("/_bulk")).atPriority(1).withRequestBody(containing(marker))
                .inScenario("bulk-" + batch.base()).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
                .willReturn(aResponse().proxiedFrom(rig.esUrl().toString()).withTransformers(FailBulkItems.NAME)));
        String task = worker.client().send("hybridmatch.index_candidates", List.of(payloads));
        FaultFigures f = rig.figures("bulk of " + PROFILES + " with items 3 and 7 answered 429", worker, runs, List.of(task),
                batch.expected(), WAIT).report();
        assertNothingLost(f);
        List<String> bulks = proxy.findAll(postRequestedFor(urlPathEqualTo("/_bulk"))).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains("\"_id\":\"" + (batch.base() + 3) + "\"")).toList();
        assertThat(bulks).as("the batch, then its two failed items").hasSize(2);
        assertThat(bulks.get(1).lines().filter(l -> l.contains("\"_id\"")).count()).isEqualTo(2);
    }

    @Test
    void failingPastTheHorizonIsNeverSuccessAndIsReplayedLater() throws Exception {
        Batch batch = Batch.create();
        long runs = worker.succeededRuns();
        List<StubMapping> stubs = failIndexing(batch, aResponse().withStatus(503).withHeader("X-elastic-product", "Elasticsearch"));
        List<String> tasks = batch.sendOneByOne();
        Map<String, JsonNode> results = worker.client().awaitFinal(tasks, WAIT);
        assertThat(results.values()).hasSize(PROFILES).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("FAILURE"));
        stubs.forEach(proxy::removeStub);

        tasks.forEach(worker.client()::forget);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(5672);
        String deadLetters = DeadLetters.queueFor(worker.context().getEnvironment().getRequiredProperty("hybridmatch.worker.queue"));
        try (Connection connection = factory.newConnection()) {
            DeadLetterReplay.Outcome outcome = new DeadLetterReplay(connection.createChannel())
                    .replay(deadLetters, TaskExecution.RETRIES_EXHAUSTED);
            assertThat(outcome.replayed()).as("every task that gave up was dead-lettered").isEqualTo(PROFILES);
        }
        FaultFigures f = rig.figures("Elasticsearch answers 503 past the horizon (" + HORIZON.toSeconds()
                + " s): " + PROFILES + " FAILURE + dead-lettered, then replayed", worker, runs, tasks, batch.expected(), WAIT).report();
        assertNothingLost(f);
    }

    /** Rewrites a proxied bulk answer as if items 3 and 7 had been rejected (429), as a busy node does. */
    static final class FailBulkItems implements ResponseTransformerV2 {
        static final String NAME = "fail-bulk-items";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            ObjectNode body = (ObjectNode) JSON.readTree(response.getBodyAsString());
            body.put("errors", true);
            for (int i : new int[]{3, 7}) {
                ObjectNode item = (ObjectNode) body.get("items").get(i).get("index");
                item.put("status", 429);
                item.remove("result");
                item.putObject("error").put("type", "es_rejected_execution_exception")
                        .put("reason", "rejected execution of coordinating operation");
            }
            return Response.Builder.like(response).but().body(JSON.writeValueAsBytes(body)).build();
        }
    }
}
