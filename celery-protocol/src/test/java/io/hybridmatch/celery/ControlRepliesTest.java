package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reply payloads compared with what a Celery 5.2.6 worker ({@code celery -A proj worker -Q ctl-oracle -n
 * ctl-py@test}) answered to the same commands, as JSON text.
 */
class ControlRepliesTest {

    private static final String HOST = "ctl-py@test";

    private static JsonNode json(Object payload) {
        return Samples.JSON.readTree(CeleryJson.write(payload));
    }

    private static ControlReplies.ActiveTask held(String id, Instant started, OffsetDateTime eta) {
        TaskMessage task = TaskMessage.builder(id, "tests.add").args(List.of(1, 2)).eta(eta)
                .properties(AmqpProperties.json(null, null, 3, 2, null)).build();
        return new ControlReplies.ActiveTask(task, new Route("", "ctl-oracle"), false, started, false, 14555);
    }

    @Test
    void scheduledAndReservedRequestsHaveNoStartTimeNorPid() {
        ControlReplies.ActiveTask waiting = held("54d5", null, OffsetDateTime.parse("2026-12-02T15:27:05.467996Z"));

        assertThat(json(ControlReplies.scheduled(List.of(waiting), HOST))).isEqualTo(Samples.JSON.readTree("""
                [{"eta": "2026-12-02T15:27:05.467996+00:00", "priority": 6, "request": {"id": "54d5",
                  "name": "tests.add", "args": [1, 2], "kwargs": {}, "type": "tests.add", "hostname": "ctl-py@test",
                  "time_start": null, "acknowledged": false, "delivery_info": {"exchange": "",
                  "routing_key": "ctl-oracle", "priority": 3, "redelivered": false}, "worker_pid": null}}]"""));
    }

    @Test
    void queryTaskNamesTheStateOfEachHeldTask() {
        ControlReplies.ActiveTask running = held("a", Instant.parse("2026-12-02T15:26:35.5Z"), null);
        ControlReplies.ActiveTask reserved = held("r", null, null);

        JsonNode reply = json(ControlReplies.queryTask(List.of(running, reserved), HOST));

        assertThat(reply.at("/a/0").asString()).isEqualTo("active");
        assertThat(reply.at("/a/1/time_start").doubleValue()).isEqualTo(1796225195.5);
        assertThat(reply.at("/a/1/worker_pid").longValue()).isEqualTo(14555);
        assertThat(reply.at("/r/0").asString()).isEqualTo("reserved");
        assertThat(reply.at("/r/1/worker_pid").isNull()).isTrue();
        assertThat(json(ControlReplies.queryTask(List.of(), HOST))).isEqualTo(Samples.JSON.readTree("{}"));
    }

    @Test
    void queueInfoIsKombusQueueAsDict() {
        assertThat(json(ControlReplies.activeQueues(List.of(
                KombuQueue.direct("ctl-oracle")))))
                .isEqualTo(Samples.JSON.readTree("""
                        [{"name": "ctl-oracle", "exchange": {"name": "ctl-oracle", "type": "direct", "arguments": null,
                          "durable": true, "passive": false, "auto_delete": false, "delivery_mode": null,
                          "no_declare": false}, "routing_key": "ctl-oracle", "queue_arguments": null,
                          "binding_arguments": null, "consumer_arguments": null, "durable": true, "exclusive": false,
                          "auto_delete": false, "no_ack": false, "alias": null, "bindings": [], "no_declare": null,
                          "expires": null, "message_ttl": null, "max_length": null, "max_length_bytes": null,
                          "max_priority": null}]"""));
    }

    @Test
    void helloSendsTheRevokedSetAsLimitedSetEntries() {
        SequencedMap<String, Double> revoked = new LinkedHashMap<>();
        revoked.put("b", 654.568956648);
        revoked.put("a", 654.569020448);

        assertThat(json(ControlReplies.hello(revoked, 61))).isEqualTo(Samples.JSON.readTree(
                "{\"revoked\": {\"b\": [654.568956648, \"b\"], \"a\": [654.569020448, \"a\"]}, \"clock\": 61}"));
        assertThat(json(ControlReplies.clock(21))).isEqualTo(Samples.JSON.readTree("{\"clock\": 21}"));
    }

    @Test
    void registeredShowsRateLimitsAndErrorsReadAsPythonReprs() {
        assertThat(ControlReplies.registered(List.of("tests.sleep", "celery.chord", "tests.add"),
                Map.of("tests.add", "10/m"))).containsExactly("tests.add [rate_limit=10/m]", "tests.sleep");
        assertThat(ControlReplies.raised("KeyError", "nosuch")).isEqualTo(Map.of("error", "KeyError('nosuch')"));
        assertThat(ControlReplies.raised("ValueError", "Autoscale not enabled"))
                .isEqualTo(Map.of("error", "ValueError('Autoscale not enabled')"));
        assertThat(ControlReplies.terminated(List.of())).isEqualTo(Map.of("ok", "terminate: tasks unknown"));
        assertThat(ControlReplies.terminated(List.of("t1", "t2"))).isEqualTo(Map.of("ok", "terminate: t1, t2"));
    }

    @Test
    void reportIsCeleryBugreportLayout() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("broker_url", "amqp://guest:********@127.0.0.1:5672//");
        conf.put("deprecated_settings", null);

        String text = (String) ControlReplies.report("java-worker:0.1.0", "system:Linux arch:amd64", "amqp",
                "rpc://", conf).get("ok");

        assertThat(text).isEqualTo("\nsoftware -> java-worker:0.1.0\nplatform -> system:Linux arch:amd64"
                + "\nsettings -> transport:amqp results:rpc://\n\n"
                + "broker_url: 'amqp://guest:********@127.0.0.1:5672//'\ndeprecated_settings: None\n");
    }
}
