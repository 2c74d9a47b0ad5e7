package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Python's Celery 5.2 client against the Java worker for what Celery's own worker does beyond single tasks:
 * compressed messages, follow-ups routed by task_routes / task_default_queue without the parent's priority, a chain
 * that fails at once, ignore_result, a stored SUCCESS never replaced, STARTED and PROGRESS read by celery_progress,
 * result_extended meta, chords and groups (Redis), two queues with their own dead-letter queues and a producer's
 * x-max-priority. The worker runs with result-compression gzip, so its own follow-ups are compressed too.
 */
@SpringBootTest(classes = TestWorkerApplication.class)
@Import(TestTasks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the worker's context starts before the client runs
class CanvasInteropIT {

    static final String QUEUE = "rc-" + UUID.randomUUID().toString().substring(0, 8);
    static final String BACKEND = "redis://127.0.0.1:6379/6";
    JsonNode observed;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkerTestProperties.register(registry, QUEUE, BACKEND);
        registry.add("hybridmatch.worker.queue", () -> QUEUE + "," + QUEUE + "-b");
        registry.add("hybridmatch.worker.hostname", () -> "rc-java@test");
        registry.add("hybridmatch.worker.result-extended", () -> "true");
        registry.add("hybridmatch.worker.result-compression", () -> "gzip");
        registry.add("hybridmatch.worker.default-queue", () -> QUEUE + ".default");
        registry.add("hybridmatch.worker.task-routes.[other.*]", () -> QUEUE + ".other");
        registry.add("hybridmatch.worker.queue-arguments.x-max-priority", () -> "10");
    }

    /** One Python run for all scenarios: each starts a client and its connections, which costs seconds. */
    @BeforeAll
    void runPythonClient() throws Exception {
        observed = PythonCelery.script("canvas_client.py", List.of("compression", "routing", "failing_chain",
                "ignore_result", "success_is_kept", "progress", "meta", "chords", "groups", "queues"), BACKEND, QUEUE);
        LoggerFactory.getLogger(CanvasInteropIT.class).info("the client observed {}", observed);
    }

    @Test
    void compressedTasksRun() {
        for (String method : List.of("gzip", "bzip2", "lzma")) {
            assertThat(observed.at("/compression/" + method + "/value").asInt()).as(method).isEqualTo(5);
        }
    }

    @Test
    void followUpsGoWhereCeleryWouldSendThemWithoutTheParentsPriority() {
        JsonNode r = observed.get("routing");
        assertThat(r.at("/parent/value").asInt()).isEqualTo(3);
        JsonNode routed = r.at("/routed/0");
        assertThat(routed.get("task").asString()).isEqualTo("other.notify");
        assertThat(routed.at("/body/0").toString()).isEqualTo("[3,\"x\"]");
        assertThat(routed.get("priority").asInt()).isZero();
        assertThat(routed.get("compression").asString()).as("result-compression gzip").isEqualTo("application/x-gzip");
        assertThat(routed.get("group").isNull()).as("two links go as one group").isFalse();
        assertThat(r.at("/default/0/task").asString()).isEqualTo("djangoapp.tasks.notify");
        assertThat(r.at("/default/0/group").asString()).isEqualTo(routed.get("group").asString());
        assertThat(r.at("/local_callback/value").asInt()).as("a task of this worker runs here").isEqualTo(13);
        assertThat(r.at("/children/0")).as("the parent's children: the group of its two callbacks").hasSize(2);
    }

    @Test
    void aFailingChainStepFailsTheWholeChainAtOnce() {
        JsonNode r = observed.get("failing_chain");
        assertThat(r.at("/get/type").asString()).isEqualTo("ValueError");
        assertThat(r.at("/get/message").asString()).isEqualTo("step one broke");
        for (String step : List.of("middle", "last")) {
            assertThat(r.at("/" + step + "/state").asString()).as(step).isEqualTo("FAILURE");
            assertThat(r.at("/" + step + "/type").asString()).as(step).isEqualTo("ValueError");
            assertThat(r.at("/" + step + "/message").asString()).as(step).isEqualTo("step one broke");
        }
        assertThat(r.at("/last/seconds").asDouble()).isLessThan(5);
    }

    @Test
    void ignoreResultSkipsOnlySuccess() {
        JsonNode r = observed.get("ignore_result");
        assertThat(r.at("/failed/state").asString()).isEqualTo("FAILURE");
        assertThat(r.at("/failed/type").asString()).isEqualTo("ValueError");
        assertThat(r.at("/ok_state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aStoredSuccessIsNeverReplacedByALaterRun() {
        JsonNode r = observed.get("success_is_kept");
        assertThat(r.get("errback_seen").asInt()).as("the duplicate did fail").isEqualTo(1);
        assertThat(r.get("state").asString()).isEqualTo("SUCCESS");
        assertThat(r.get("value").asInt()).isEqualTo(42);
    }

    @Test
    void celeryProgressFollowsAJavaTask() {
        JsonNode r = observed.get("progress");
        assertThat(r.get("states").valueStream().map(JsonNode::asString).toList())
                .as("each state as first seen, with its time: %s", r.get("seen"))
                .containsSubsequence("STARTED", "PROGRESS", "SUCCESS");
        assertThat(r.at("/progress/0/total").asInt()).isEqualTo(3);
        assertThat(r.at("/progress/0/current").asInt()).isBetween(1, 3);
        assertThat(r.at("/final/complete").asBoolean()).isTrue();
        assertThat(r.at("/final/result").asInt()).isEqualTo(3);
    }

    @Test
    void resultExtendedMetaAndParentIds() {
        JsonNode r = observed.get("meta");
        assertThat(r.get("name").asString()).isEqualTo("tests.add");
        assertThat(r.get("args").toString()).isEqualTo("[4]");
        assertThat(r.get("kwargs").toString()).isEqualTo("{\"y\":5}");
        assertThat(r.get("worker").asString()).isEqualTo("rc-java@test");
        assertThat(r.get("queue").asString()).isEqualTo(QUEUE);
        assertThat(r.get("retries").asInt()).isZero();
        assertThat(r.get("child_parent").asString()).as("the callback's meta names its parent").isNotEmpty();
    }

    @Test
    void chordsJoinOnRedis() {
        JsonNode r = observed.get("chords");
        assertThat(r.at("/ok/value").asInt()).isEqualTo(12);
        // get() raises the failed part's own error first (Celery walks the parents), the body holds ChordError
        assertThat(r.at("/broken/type").asString()).isEqualTo("ValueError");
        assertThat(r.at("/broken_body/state").asString()).isEqualTo("FAILURE");
        assertThat(r.at("/broken_body/type").asString()).isEqualTo("ChordError");
        assertThat(r.at("/broken_body/message").asString())
                .matches("Dependency [-0-9a-f]{36} raised ValueError\\('part broke'\\)");
        assertThat(r.at("/link_header/value").toString()).isEqualTo("[13,23]");
        assertThat(r.at("/link_body/value").asInt()).as("a chord as link: header got the parent's result").isEqualTo(36);
    }

    @Test
    void aGroupAsLinkRuns() {
        JsonNode r = observed.get("groups");
        assertThat(r.at("/group/value").toString()).isEqualTo("[13,23]");
    }

    @Test
    void severalQueuesEachWithItsDeadLetterQueueAndProducerQueueArguments() {
        JsonNode r = observed.get("queues");
        assertThat(r.at("/second_queue/value").asInt()).isEqualTo(42);
        assertThat(r.at("/dead_letter/0/reason").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(r.at("/priority/value").asInt()).isEqualTo(2);
    }
}
