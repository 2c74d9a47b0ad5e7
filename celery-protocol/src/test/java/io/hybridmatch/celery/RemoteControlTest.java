package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Remote control against the pidbox requests and replies recorded between Celery 5.2.6 client and worker. */
class RemoteControlTest {

    private static final String HOST = "cpworker@vm";
    private static final JsonNode RECORDED = Samples.resource("events-control.celery-5.2.6.json");

    private final LamportClock clock = new LamportClock();
    private final RemoteControl control = new RemoteControl(HOST, clock);

    private static Samples.Delivery request(String method) {
        for (int i = 0; i < RECORDED.get("requests").size(); i++) {
            Samples.Delivery d = Samples.extraMessage(RECORDED, "requests", i);
            if (d.recorded().get("body_raw").stringValue().contains("\"method\": \"" + method + "\"")) {
                return d;
            }
        }
        throw new AssertionError("no recorded " + method);
    }

    private ControlRequest decode(String method) throws RejectedMessageException {
        Samples.Delivery d = request(method);
        return control.decode(d.properties(), d.headers(), d.body());
    }

    /** The recorded reply carrying the request's ticket. */
    private static JsonNode replyTo(ControlRequest request) {
        for (JsonNode reply : RECORDED.get("replies")) {
            if (reply.get("headers").get("ticket").stringValue().equals(request.ticket())) {
                return reply;
            }
        }
        throw new AssertionError("no recorded reply for " + request.method());
    }

    private void assertReplyMatches(ControlRequest request, Object payload) {
        JsonNode recorded = replyTo(request);
        OutgoingMessage reply = control.reply(request, payload).orElseThrow();

        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(recorded.get("body_raw").stringValue());
        assertThat(reply.route()).isEqualTo(new Route(recorded.get("exchange").stringValue(),
                recorded.get("routing_key").stringValue()));
        assertThat(reply.headers().get("ticket")).isEqualTo(request.ticket());
        assertThat((Long) reply.headers().get("clock")).isGreaterThan(request.clock());
        assertThat(reply.properties()).isEqualTo(new AmqpProperties("application/json", "utf-8", null, null, 0, 1,
                null));
    }

    @Test
    void decodesPingAndAdjustsTheClock() throws Exception {
        ControlRequest ping = decode("ping");

        assertThat(ping.method()).isEqualTo("ping");
        assertThat(ping.arguments()).isEmpty();
        assertThat(ping.destination()).containsExactly(HOST);
        assertThat(ping.ticket()).isEqualTo("2bbfe73d-af6d-4205-9838-7778d64d8414");
        assertThat(ping.replyTo()).isEqualTo(new Route("reply.celery.pidbox", "cp-recorder-31164"));
        assertThat(ping.clock()).isEqualTo(2);
        assertThat(ping.isFor(HOST)).isTrue();
        assertThat(ping.isFor("other@vm")).isFalse();
        assertReplyMatches(ping, ControlReplies.pong());
    }

    @Test
    void repliesToInspectRegisteredActiveAndRevokeLikeCelery() throws Exception {
        assertReplyMatches(decode("registered"),
                ControlReplies.registered(List.of("demo.retry", "celery.chord", "demo.add", "demo.fail"), Map.of()));
        ControlRequest active = decode("active");
        assertThat(active.arguments()).containsEntry("safe", null);
        assertReplyMatches(active, ControlReplies.active(List.of(), HOST, false));
        ControlRequest revoke = decode("revoke");
        assertThat(ControlReplies.taskIds(revoke.arguments().get("task_id"))).containsExactly("00000000-0000-0000-0000-00000000dead");
        assertReplyMatches(revoke, ControlReplies.revoked(ControlReplies.taskIds(revoke.arguments().get("task_id"))));
    }

    @Test
    void statsHaveTheKeysCelerySendsAndThePoolOfCeleryThreads() throws Exception {
        ControlRequest stats = decode("stats");
        JsonNode recorded = Samples.JSON.readTree(replyTo(stats).get("body_raw").stringValue()).get(HOST);

        Map<String, Object> payload = ControlReplies.stats(Map.of("demo.add", 1L), 42, 25, Duration.ofSeconds(9),
                new ControlReplies.Pool(4, 2), 8, Map.of("hostname", "127.0.0.1", "port", 5672, "transport", "amqp"),
                "N/A");
        JsonNode mine = Samples.JSON.readTree(control.reply(stats, payload).orElseThrow().body()).get(HOST);

        assertThat(List.copyOf(mine.propertyNames())).containsExactlyInAnyOrderElementsOf(recorded.propertyNames());
        // celery/concurrency/thread.py TaskPool._get_info: the pool a -P threads worker reports
        assertThat(mine.get("pool")).isEqualTo(Samples.JSON.readTree("{\"max-concurrency\": 4, \"threads\": 2}"));
        assertThat(mine.get("clock").isString()).isEqualTo(recorded.get("clock").isString()).isTrue();
        assertThat(mine.get("total")).isEqualTo(Samples.JSON.readTree("{\"demo.add\": 1}"));
    }

    @Test
    void activeTasksAreRequestInfoDicts() {
        TaskMessage task = TaskMessage.builder("t-1", "matching.index_candidate").args(List.of("42"))
                .properties(AmqpProperties.json(null, null, 5, 2, null)).build();
        ControlReplies.ActiveTask active = new ControlReplies.ActiveTask(task, Route.queue("celery"), false,
                Instant.parse("2026-11-25T02:00:00.5Z"), true, 42);

        Map<String, Object> info = ControlReplies.active(List.of(active), HOST, true).getFirst();

        assertThat(List.copyOf(info.keySet())).containsExactly("id", "name", "args", "kwargs", "type", "hostname",
                "time_start", "acknowledged", "delivery_info", "worker_pid");
        assertThat(info).containsEntry("args", "['42']").containsEntry("kwargs", "{}")
                .containsEntry("time_start", 1795572000.5).containsEntry("delivery_info",
                        Map.of("exchange", "", "routing_key", "celery", "priority", 5, "redelivered", false));
        assertThat(ControlReplies.active(List.of(active), HOST, false).getFirst()).containsEntry("args", List.of("42"));
    }

    @Test
    void broadcastsWithoutDestinationReachEveryoneAndPatternsMatch() throws Exception {
        ControlRequest hello = decode("hello");

        assertThat(hello.destination()).isEmpty();
        assertThat(hello.isFor("anyone@anywhere")).isTrue();
        ControlRequest glob = new ControlRequest("ping", Map.of(), List.of(), "cpworker@*", "glob", "t", null, 0);
        assertThat(glob.isFor(HOST)).isTrue();
        assertThat(glob.isFor("java@vm")).isFalse();
        ControlRequest pcre = new ControlRequest("ping", Map.of(), List.of(), "java@", "pcre", "t", null, 0);
        assertThat(pcre.isFor("java@vm")).isTrue();
        // re.match anchors at the start only
        assertThat(pcre.isFor("py-java@vm")).isFalse();
        ControlRequest set = new ControlRequest("ping", Map.of(), List.of(), "w[!x]@vm", "glob", "t", null, 0);
        assertThat(set.isFor("w1@vm")).isTrue();
        assertThat(set.isFor("wx@vm")).isFalse();
        assertThat(control.reply(glob, ControlReplies.pong())).isEmpty();
    }

    @Test
    void refusesPickledOrMalformedControlMessages() {
        Samples.Delivery ping = request("ping");
        AmqpProperties pickle = new AmqpProperties("application/x-python-serialize", "binary", null, null, null,
                null, null);

        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> control.decode(pickle, ping.headers(), ping.body())).reason())
                .isEqualTo(RejectedMessageException.Reason.UNSUPPORTED_CONTENT_TYPE);
        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> control.decode(ping.properties(), ping.headers(), "[]".getBytes(StandardCharsets.UTF_8)))
                .getMessage()).contains("not an object");
        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> control.decode(ping.properties(), ping.headers(),
                        "{\"method\": \"ping\", \"destination\": [1]}".getBytes(StandardCharsets.UTF_8)))
                .getMessage()).contains("'destination' is not a list of strings");
    }

    @Test
    void broadcastsHelloAsKombuPublishesItAndReadsReplies() throws Exception {
        Samples.Delivery recorded = request("hello");
        ControlRequest theirs = decode("hello");
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("from_node", "cpworker@vm");
        arguments.put("revoked", Map.of());

        LamportClock mingleClock = new LamportClock();
        OutgoingMessage mine = new RemoteControl("java@vm", mingleClock).broadcast("hello", arguments,
                theirs.ticket(), theirs.replyTo().routingKey());

        assertThat(new String(mine.body(), StandardCharsets.UTF_8))
                .isEqualTo(recorded.recorded().get("body_raw").stringValue());
        assertThat(mine.route()).isEqualTo(new Route("celery.pidbox", ""));
        assertThat(mine.properties()).isEqualTo(recorded.properties());
        assertThat(mine.headers()).containsEntry("clock", 1L);

        OutgoingMessage reply = control.reply(theirs, ControlReplies.hello(new java.util.LinkedHashMap<>(), 7)).orElseThrow();
        Map<String, Object> read = new RemoteControl("java@vm", mingleClock).readReply(reply.properties(),
                reply.headers(), reply.body());
        assertThat(read).containsOnlyKeys(HOST);
        assertThat(mingleClock.value()).isGreaterThan((Long) reply.headers().get("clock"));
    }
}
