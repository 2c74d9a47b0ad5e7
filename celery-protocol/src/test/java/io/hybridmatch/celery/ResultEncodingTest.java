package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResultEncodingTest {

    private static final Instant DONE = Instant.parse("2026-11-24T20:50:24.705661Z");

    private static JsonNode tree(byte[] json) {
        return Samples.JSON.readTree(json);
    }

    private static JsonNode tree(String json) {
        return Samples.JSON.readTree(json);
    }

    /** The recorded value with the fields that differ between runs (date_done, traceback text) replaced. */
    private static ObjectNode comparable(JsonNode meta) {
        ObjectNode copy = (ObjectNode) meta.deepCopy();
        copy.put("date_done", meta.get("date_done").isNull() ? "null" : "set");
        copy.put("traceback", meta.get("traceback").isNull() ? "null" : "set");
        return copy;
    }

    private static JsonNode recordedRedis(String name) {
        return tree(Samples.extra().get("redis").get(name).get("value_raw").stringValue());
    }

    @Test
    void redisSuccessHasCeleryShape() {
        JsonNode recorded = Samples.resource("redis-results.celery-5.2.6.json").get("success");
        TaskResult result = TaskResult.success("c754bce1-fdd6-48ee-bfe2-b92beb185564", Map.of("sum", 5), DONE);

        JsonNode written = tree(new RedisResults().value(result));

        assertThat(written).isEqualTo(recorded);
        assertThat(List.copyOf(written.propertyNames())).containsExactly("status", "result", "traceback",
                "children", "date_done", "task_id");
    }

    @Test
    void redisFailureHasCeleryShape() {
        JsonNode recorded = Samples.resource("redis-results.celery-5.2.6.json").get("failure");
        PythonException error = PythonException.of(
                new IllegalArgumentException("bad profile: seniority \"guru\" unknown"));
        TaskResult result = TaskResult.failure("0bafb5b9-b8d5-4d88-b5ee-17c203f17bcb", error,
                "java.lang.IllegalArgumentException: bad profile\n\tat ...", DONE);

        assertThat(comparable(tree(new RedisResults().value(result)))).isEqualTo(comparable(recorded));
    }

    @Test
    void redisStartedRetryAndRevokedHaveCeleryShapes() {
        String started = Samples.extra().get("redis").get("started").get("key").stringValue()
                .substring(RedisResults.KEY_PREFIX.length());
        assertThat(tree(new RedisResults().value(TaskResult.started(started, 4242, "celery@host"))))
                .isEqualTo(recordedRedis("started"));

        String retry = recordedRedis("retry").get("task_id").stringValue();
        TaskResult retried = TaskResult.retry(retry, new PythonException("RuntimeError", "builtins",
                List.of("es down")), "Traceback ...");
        assertThat(tree(new RedisResults().value(retried))).isEqualTo(recordedRedis("retry"));

        String revoked = recordedRedis("revoked").get("task_id").stringValue();
        assertThat(comparable(tree(new RedisResults().value(TaskResult.revoked(revoked, "revoked", DONE)))))
                .isEqualTo(comparable(recordedRedis("revoked")));
    }

    @Test
    void redisDateDoneIsNaiveUtcWithMicroseconds() {
        TaskResult result = TaskResult.success("id", null, Instant.parse("2026-11-24T20:50:24.705661987Z"));

        assertThat(tree(new RedisResults().value(result)).get("date_done").stringValue())
                .isEqualTo("2026-11-24T20:50:24.705661");
    }

    @Test
    void redisWriteUsesCeleryKeyAndDefaultExpiry() {
        JsonNode recorded = Samples.extra().get("redis").get("revoked");
        String taskId = recordedRedis("revoked").get("task_id").stringValue();

        RedisResults.Write write = new RedisResults().write(TaskResult.revoked(taskId, "revoked", DONE));

        assertThat(write.key()).isEqualTo(recorded.get("key").stringValue());
        assertThat(write.ttlSeconds()).isEqualTo(recorded.get("ttl").longValue()).isEqualTo(86_400);
        assertThat(new RedisResults(Duration.ofHours(2), false).write(TaskResult.revoked(taskId, "r", DONE)).ttlSeconds())
                .isEqualTo(7_200);
    }

    @Test
    void rpcRepliesAreByteIdenticalToCeleryAndGoToReplyTo() throws Exception {
        JsonNode replies = Samples.extra().get("rpc_replies");
        TaskResult[] results = {
                TaskResult.started("rpc-started", 4242, "celery@host"),
                TaskResult.success("rpc-success", Map.of("sum", 5), DONE),
                TaskResult.failure("rpc-failure", PythonException.of(new IllegalArgumentException("bad profile")),
                        "Traceback ...", DONE)};
        for (int i = 0; i < results.length; i++) {
            Samples.Delivery recorded = Samples.extraMessage("rpc_replies", i);
            TaskMessage request = TaskMessage.builder(results[i].taskId(), "demo.task")
                    .properties(AmqpProperties.json(results[i].taskId(), "client-oid", 0, 2, null)).build();

            OutgoingMessage reply = RpcResults.reply(request, results[i]).orElseThrow();

            assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                    .isEqualTo(replies.get(i).get("body_raw").stringValue());
            assertThat(reply.properties()).isEqualTo(recorded.properties());
            assertThat(reply.route()).isEqualTo(Route.queue("client-oid"));
            assertThat(reply.headers()).isEmpty();
        }
    }

    @Test
    void rpcSendsNothingWithoutReplyTo() {
        TaskMessage request = TaskMessage.builder("id", "t").build();

        assertThat(RpcResults.reply(request, TaskResult.success("id", 1, DONE))).isEmpty();
    }
}
