package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMessageEncoderTest {

    private final TaskMessageDecoder decoder = new TaskMessageDecoder();

    private static TaskMessageEncoder encoderAt(OffsetDateTime now) {
        return new TaskMessageEncoder(Clock.fixed(now.toInstant(), ZoneOffset.UTC), "java@test");
    }

    private TaskMessage decode(Samples.Delivery d) throws RejectedMessageException {
        return decoder.decode(d.properties(), d.headers(), d.body());
    }

    @Test
    void reencodesARecordedMessageToKombusExactBytesHeadersAndProperties() throws Exception {
        Samples.Delivery recorded = Samples.extraMessage("v2_plain_raw", 0);
        TaskMessage m = decode(recorded);
        // send_task ran 600 s before expires: that is what made expiration "600000".
        TaskMessageEncoder encoder = encoderAt(m.expires().minus(Duration.ofSeconds(600)));

        OutgoingMessage out = encoder.encode(m, Route.queue("celery"));

        assertThat(new String(out.body(), StandardCharsets.UTF_8))
                .isEqualTo(recorded.recorded().get("body_raw").stringValue());
        assertThat(out.headers()).isEqualTo(recorded.headers());
        assertThat(List.copyOf(out.headers().keySet())).isEqualTo(List.copyOf(recorded.headers().keySet()));
        assertThat(out.properties()).isEqualTo(recorded.properties());
        assertThat(out.route()).isEqualTo(new Route("", "celery"));
    }

    @Test
    void reencodesAChainToTheSameBytes() throws Exception {
        Samples.Delivery recorded = Samples.extraMessage("v2_chain", 0);

        OutgoingMessage out = encoderAt(OffsetDateTime.now(ZoneOffset.UTC)).encode(decode(recorded), Route.queue("celery"));

        assertThat(out.body()).isEqualTo(recorded.body());
        assertThat(out.headers()).isEqualTo(recorded.headers());
    }

    @Test
    void escapesNonAsciiLikePythonJsonDumps() throws Exception {
        OutgoingMessage out = encoderAt(OffsetDateTime.now(ZoneOffset.UTC)).encode(decode(Samples.taskMessage(0)),
                Route.queue("celery"));

        // json.dumps(ensure_ascii=True) writes é as \u00e9 (lowercase hex).
        assertThat(new String(out.body(), StandardCharsets.US_ASCII)).contains("\"D\\u00e9veloppeur Java\"");
    }

    @Test
    void sendTaskRoundTripsEveryField() throws Exception {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-25T02:00:00.000001+00:00");
        Signature callback = new Signature("matching.notify", List.of("ok", 1), Map.of("k", true),
                Map.of("queue", "notifications"), null, true);
        TaskMessage sent = TaskMessage.builder("id-1", "matching.index_candidate")
                .args(List.of(Map.of("candidate_id", "42"), 3.5))
                .kwargs(Map.of("source", "java"))
                .link(callback)
                .errbacks(List.of(Signature.of("matching.on_error", List.of())))
                .chain(List.of(Signature.of("matching.last", List.of()), Signature.of("matching.next", List.of())))
                .shadow("alias")
                .eta(now.plusSeconds(30))
                .expires(now.plusSeconds(600))
                .group("g-1")
                .groupIndex(2)
                .retries(1)
                .timeLimit(60)
                .softTimeLimit(50.5)
                .rootId("root-1")
                .parentId("parent-1")
                .origin("java@host")
                .ignoreResult(true)
                .extraHeader("x-tenant", "acme")
                .properties(AmqpProperties.json(null, "reply-queue", 7, 2, null))
                .build();

        OutgoingMessage out = encoderAt(now).encode(sent, Route.queue("matching"));
        TaskMessage decoded = decoder.decode(out.properties(), out.headers(), out.body());

        assertThat(out.headers()).containsEntry("eta", "2026-11-25T02:00:30.000001+00:00")
                .containsEntry("expires", "2026-11-25T02:10:00.000001+00:00")
                .containsEntry("timelimit", Arrays.asList(60, 50.5))
                .containsEntry("argsrepr", "[{'candidate_id': '42'}, 3.5]")
                .containsEntry("kwargsrepr", "{'source': 'java'}")
                .containsEntry("lang", "py")
                .containsEntry("x-tenant", "acme");
        assertThat(out.properties()).isEqualTo(
                new AmqpProperties("application/json", "utf-8", "id-1", "reply-queue", 7, 2, "600000"));
        assertThat(decoded).usingRecursiveComparison()
                .ignoringFields("argsrepr", "kwargsrepr", "properties")
                .isEqualTo(sent);
        assertThat(decoded.argsrepr()).isEqualTo("[{'candidate_id': '42'}, 3.5]");
    }

    @Test
    void appliesSendTaskDefaults() {
        TaskMessage minimal = TaskMessage.builder("id-2", "matching.ping").build();

        OutgoingMessage out = encoderAt(OffsetDateTime.now(ZoneOffset.UTC)).encode(minimal, Route.queue("celery"));

        assertThat(new String(out.body(), StandardCharsets.UTF_8))
                .isEqualTo("[[], {}, {\"callbacks\": null, \"errbacks\": null, \"chain\": null, \"chord\": null}]");
        assertThat(out.headers()).containsEntry("root_id", "id-2").containsEntry("origin", "java@test")
                .containsEntry("retries", 0).containsEntry("parent_id", null)
                .containsEntry("timelimit", Arrays.asList(null, null));
        assertThat(out.properties()).isEqualTo(
                new AmqpProperties("application/json", "utf-8", "id-2", "", 0, 2, null));
    }

    @Test
    void clampsTheTtlOfAnAlreadyExpiredTaskToZero() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-25T02:00:00Z");
        TaskMessage expired = TaskMessage.builder("id-3", "t").expires(now.minusSeconds(5)).build();

        assertThat(encoderAt(now).encode(expired, Route.queue("celery")).properties().expiration()).isEqualTo("0");
    }
}
