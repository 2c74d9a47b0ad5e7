package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Events written by Java compared with the ones a Celery 5.2.6 worker published (events-control fixture). */
class EventMessagesTest {

    private static final JsonNode EVENTS = Samples.resource("events-control.celery-5.2.6.json").get("events");

    private static JsonNode recordedBody(int message) {
        return Samples.JSON.readTree(EVENTS.get(message).get("body_raw").stringValue());
    }

    /** An EventMessages whose next clock value and timestamp are the recorded event's. */
    private static EventMessages like(JsonNode recorded) {
        LamportClock clock = new LamportClock();
        long next = recorded.get("clock").longValue();
        if (next > 1) {
            clock.adjust(next - 2);
        }
        double ts = recorded.get("timestamp").doubleValue();
        Instant at = Instant.ofEpochSecond((long) ts, Math.round((ts - (long) ts) * 1e9));
        return new EventMessages(recorded.get("hostname").stringValue(), recorded.get("pid").longValue(),
                "py-celery", "5.2.6", clock, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Asserts same keys in the same order and equal values, except the ones listed, and a close timestamp. */
    private static void assertSameEvent(OutgoingMessage written, JsonNode recorded, String... differing) {
        ObjectNode mine = (ObjectNode) Samples.JSON.readTree(written.body());
        assertThat(List.copyOf(mine.propertyNames())).isEqualTo(List.copyOf(recorded.propertyNames()));
        assertThat(mine.get("timestamp").doubleValue()).isCloseTo(recorded.get("timestamp").doubleValue(),
                within(1e-6));
        ObjectNode expected = (ObjectNode) recorded.deepCopy();
        for (String name : List.of("timestamp", "sw_sys")) {
            mine.remove(name);
            expected.remove(name);
        }
        for (String name : differing) {
            mine.remove(name);
            expected.remove(name);
        }
        assertThat(mine).isEqualTo(expected);
        assertThat(written.route()).isEqualTo(new Route("celeryev", recorded.get("type").stringValue()
                .replace('-', '.')));
        assertThat(written.headers()).isEqualTo(Map.of("hostname", recorded.get("hostname").stringValue()));
        assertThat(written.properties()).isEqualTo(new AmqpProperties("application/json", "utf-8", null, null, 0, 1,
                null));
    }

    @Test
    void workerOnlineHeartbeatAndOfflineMatchCelery() {
        for (int message : new int[] {0, 1, 10}) {
            JsonNode recorded = recordedBody(message);
            List<Double> loadavg = Samples.JSON.convertValue(recorded.get("loadavg"), List.class);
            EventMessages.WorkerStatus status = new EventMessages.WorkerStatus(Duration.ofSeconds(2),
                    recorded.get("active").intValue(), recorded.get("processed").longValue(), loadavg);
            EventMessages events = like(recorded);

            OutgoingMessage written = switch (recorded.get("type").stringValue()) {
                case "worker-online" -> events.workerOnline(status);
                case "worker-heartbeat" -> events.workerHeartbeat(status);
                default -> events.workerOffline(status);
            };

            assertSameEvent(written, recorded);
            assertThat(Samples.JSON.readTree(written.body()).get("sw_sys").stringValue())
                    .isEqualTo(System.getProperty("os.name"));
        }
    }

    @Test
    void taskReceivedStartedAndSucceededMatchCelery() {
        JsonNode batch = recordedBody(4);
        JsonNode received = batch.get(0);
        String id = received.get("uuid").stringValue();
        TaskMessage task = TaskMessage.builder(id, "demo.add").args(List.of(2, 3)).rootId(id).build();

        assertSameEvent(like(received).taskReceived(task), received);
        assertSameEvent(like(batch.get(1)).taskStarted(id), batch.get(1));
        JsonNode succeeded = batch.get(2);
        Duration runtime = Duration.ofNanos(Math.round(succeeded.get("runtime").doubleValue() * 1e9));
        OutgoingMessage written = like(succeeded).taskSucceeded(id, Map.of("sum", 5), runtime);
        assertSameEvent(written, succeeded, "runtime");
        assertThat(Samples.JSON.readTree(written.body()).get("runtime").doubleValue())
                .isCloseTo(succeeded.get("runtime").doubleValue(), within(1e-9));
    }

    @Test
    void taskFailedAndRetriedMatchCeleryWithAJavaExceptionRepr() {
        JsonNode failed = recordedBody(5).get(2);
        PythonException error = PythonException.of(
                new IllegalArgumentException("bad profile: seniority \"guru\" unknown"));

        OutgoingMessage written = like(failed).taskFailed(failed.get("uuid").stringValue(), error, "trace");

        assertSameEvent(written, failed, "exception", "traceback");
        assertThat(Samples.JSON.readTree(written.body()).get("exception").stringValue())
                .isEqualTo("ValueError('bad profile: seniority \"guru\" unknown')");

        JsonNode retried = recordedBody(6).get(2);
        assertThat(retried.get("type").stringValue()).isEqualTo("task-retried");
        OutgoingMessage retry = like(retried).taskRetried(retried.get("uuid").stringValue(),
                new PythonException("RuntimeError", PythonException.BUILTINS, List.of("es down")), "trace");
        assertSameEvent(retry, retried, "exception", "traceback");
        assertThat(Samples.JSON.readTree(retry.body()).get("exception").stringValue())
                .isEqualTo("RuntimeError('es down')");
        OutgoingMessage withoutExc = like(retried).taskRetried(retried.get("uuid").stringValue(), null, "trace");
        assertThat(Samples.JSON.readTree(withoutExc.body()).get("exception").stringValue()).isEqualTo("None");
    }

    @Test
    void utcoffsetIsHoursWestOfUtcAndTheClockMovesForward() {
        LamportClock clock = new LamportClock();
        EventMessages paris = new EventMessages("java@host", 1, "x", "1", clock,
                Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Europe/Paris")));

        JsonNode first = Samples.JSON.readTree(paris.taskStarted("a").body());
        JsonNode second = Samples.JSON.readTree(paris.taskStarted("b").body());

        assertThat(first.get("utcoffset").intValue()).isEqualTo(-1);
        assertThat(second.get("clock").longValue()).isEqualTo(first.get("clock").longValue() + 1);
        assertThat(clock.adjust(100)).isEqualTo(101);
    }

    @Test
    void revokedAndNotRegisteredCarryCeleryFields() {
        EventMessages events = new EventMessages("java@host", 7, "x", "1", new LamportClock(),
                Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));

        JsonNode terminated = Samples.JSON.readTree(events.taskRevoked("t", true, 15, false).body());

        // request.py: send_event('task-revoked', terminated=, signum=, expired=)
        assertThat(List.copyOf(terminated.propertyNames())).containsExactly("hostname", "utcoffset", "pid", "clock",
                "uuid", "terminated", "signum", "expired", "timestamp", "type");
        assertThat(terminated.get("signum").intValue()).isEqualTo(15);
        assertThat(terminated.get("type").asString()).isEqualTo("task-revoked");
        assertThat(Samples.JSON.readTree(events.taskRevoked("t", false, null, true).body()).get("signum").isNull())
                .isTrue();
        assertThat(events.taskRevoked("t", true, 15, false).route()).isEqualTo(new Route("celeryev", "task.revoked"));
        JsonNode unknown = Samples.JSON.readTree(events.taskNotRegistered("t", "tests.nope").body());
        assertThat(unknown.get("type").asString()).isEqualTo("task-failed");
        assertThat(unknown.get("exception").asString()).isEqualTo("NotRegistered('tests.nope')");
        assertThat(unknown.has("traceback")).isFalse();
    }
}
