package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMessageDecoderTest {

    private final TaskMessageDecoder decoder = new TaskMessageDecoder();

    private TaskMessage decode(Samples.Delivery d) throws RejectedMessageException {
        return decoder.decode(d.properties(), d.headers(), d.body());
    }

    @Test
    void decodesPlainTaskWithKwargs() throws Exception {
        TaskMessage m = decode(Samples.taskMessage(0));

        assertThat(m.protocol()).isEqualTo(2);
        assertThat(m.task()).isEqualTo("matching.index_candidate");
        assertThat(m.id()).isEqualTo("1fe5b72f-c4e7-4a33-a5ae-75cd782bb480");
        assertThat(m.args()).containsExactly(Map.of("candidate_id", "42", "headline", "Développeur Java",
                "skills", List.of("java", "spring")));
        assertThat(m.kwargs()).isEqualTo(Map.of("source", "post_save"));
        assertThat(m.callbacks()).isEmpty();
        assertThat(m.errbacks()).isEmpty();
        assertThat(m.chain()).isEmpty();
        assertThat(m.chord()).isNull();
        assertThat(m.shadow()).isNull();
        assertThat(m.eta()).isNull();
        assertThat(m.expires()).isNull();
        assertThat(m.group()).isNull();
        assertThat(m.groupIndex()).isNull();
        assertThat(m.retries()).isZero();
        assertThat(m.timeLimit()).isNull();
        assertThat(m.softTimeLimit()).isNull();
        assertThat(m.rootId()).isEqualTo("1fe5b72f-c4e7-4a33-a5ae-75cd782bb480");
        assertThat(m.parentId()).isNull();
        assertThat(m.argsrepr())
                .isEqualTo("[{'candidate_id': '42', 'headline': 'Développeur Java', 'skills': ['java', 'spring']}]");
        assertThat(m.kwargsrepr()).isEqualTo("{'source': 'post_save'}");
        assertThat(m.origin()).isEqualTo("gen9297@vm");
        assertThat(m.ignoreResult()).isFalse();
        assertThat(m.extraHeaders()).isEmpty();
        assertThat(m.properties()).isEqualTo(new AmqpProperties("application/json", "utf-8",
                "1fe5b72f-c4e7-4a33-a5ae-75cd782bb480", "c765a537-d580-3598-91da-b54c82927fd4", 0, 2, null));
        assertThat(m.replyTo()).isEqualTo("c765a537-d580-3598-91da-b54c82927fd4");
    }

    @Test
    void decodesCountdownAndExpires() throws Exception {
        TaskMessage m = decode(Samples.taskMessage(1));

        assertThat(m.task()).isEqualTo("matching.delete_job_offer");
        assertThat(m.args()).containsExactly("17");
        assertThat(m.kwargs()).isEmpty();
        assertThat(m.eta()).isEqualTo(OffsetDateTime.parse("2026-11-24T20:50:40.993130+00:00"));
        assertThat(m.expires()).isEqualTo(OffsetDateTime.parse("2026-11-24T21:00:10.993130+00:00"));
        assertThat(m.properties().expiration()).isEqualTo("600000");
    }

    @Test
    void decodesLinkAndLinkErrorCallbacks() throws Exception {
        TaskMessage m = decode(Samples.taskMessage(2));

        assertThat(m.args()).containsExactly(Map.of("job_offer_id", "7"));
        assertThat(m.callbacks()).containsExactly(
                new Signature("matching.notify", List.of("ok"), Map.of(), Map.of(), null, false));
        assertThat(m.errbacks()).containsExactly(
                new Signature("matching.on_error", List.of(), Map.of(), Map.of(), null, false));
        assertThat(m.chain()).isEmpty();
    }

    @Test
    void decodesIgnoreResultTimeLimitsAndPriority() throws Exception {
        TaskMessage m = decode(Samples.taskMessage(3));

        assertThat(m.ignoreResult()).isTrue();
        // The header is [hard, soft]: time_limit=60, soft_time_limit=50 were sent.
        assertThat(m.timeLimit()).isEqualTo(60);
        assertThat(m.softTimeLimit()).isEqualTo(50);
        assertThat(m.properties().priority()).isEqualTo(5);
    }

    @Test
    void decodesRawBodyBytesAsKombuPublishedThem() throws Exception {
        TaskMessage m = decode(Samples.extraMessage("v2_plain_raw", 0));

        assertThat(m.args()).containsExactly(Map.of("candidate_id", "42"));
        assertThat(m.kwargs()).isEqualTo(Map.of("source", "post_save"));
        assertThat(m.eta()).isEqualTo(OffsetDateTime.parse("2026-11-25T01:47:08.704039+00:00"));
    }

    @Test
    void decodesChainWithTheNextStepLast() throws Exception {
        TaskMessage m = decode(Samples.extraMessage("v2_chain", 0));

        assertThat(m.task()).isEqualTo("matching.parse_cv");
        assertThat(m.args()).containsExactly("cv-1");
        assertThat(m.chain()).extracting(Signature::task).containsExactly("matching.notify", "matching.embed");
        Signature notify = m.chain().getFirst();
        assertThat(notify.immutable()).isTrue();
        assertThat(notify.args()).containsExactly("done");
        assertThat(notify.options()).containsEntry("task_id", "e88ffc0e-9786-438b-a195-4064c1370b9c");
        assertThat(m.chain().getLast().immutable()).isFalse();
    }

    @Test
    void decodesProtocolV1IntoTheSameModel() throws Exception {
        Samples.Delivery d = Samples.extraMessage("v1", 0);
        assertThat(d.headers()).isEmpty();

        TaskMessage m = decode(d);

        assertThat(m.protocol()).isEqualTo(1);
        assertThat(m.task()).isEqualTo("matching.index_job_offer");
        assertThat(m.id()).isEqualTo("caeb284c-685c-4f17-8b7b-e442e84adb9f");
        assertThat(m.args()).containsExactly(Map.of("job_offer_id", "7"));
        assertThat(m.kwargs()).isEqualTo(Map.of("force", true));
        assertThat(m.retries()).isZero();
        assertThat(m.eta()).isEqualTo(OffsetDateTime.parse("2026-11-25T01:47:08.758856+00:00"));
        assertThat(m.expires()).isEqualTo(OffsetDateTime.parse("2026-11-25T01:56:38.758856+00:00"));
        assertThat(m.callbacks()).containsExactly(Signature.of("matching.notify", List.of("ok")));
        assertThat(m.errbacks()).isEmpty();
        assertThat(m.timeLimit()).isEqualTo(60);
        assertThat(m.softTimeLimit()).isEqualTo(50);
        assertThat(m.group()).isNull();
        assertThat(m.rootId()).isNull();
        assertThat(m.effectiveRootId()).isEqualTo(m.id());
        assertThat(m.replyTo()).isEqualTo("457dc37d-07f3-3054-948d-cb18c1d6d500");
    }

    @Test
    void v1TakesTheGroupFromTaskset() throws Exception {
        byte[] body = """
                {"task": "t", "id": "1", "args": [], "kwargs": {}, "taskset": "g-1", "eta": "2026-01-01T10:00:00"}
                """.getBytes(StandardCharsets.UTF_8);

        TaskMessage m = decoder.decode(json(), null, body);

        assertThat(m.group()).isEqualTo("g-1");
        // Naive (utc=True in v1) is read as UTC.
        assertThat(m.eta()).isEqualTo(OffsetDateTime.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void keepsUnknownHeadersAndAcceptsByteStringHeaders() throws Exception {
        Samples.Delivery d = Samples.taskMessage(0);
        Map<String, Object> headers = new LinkedHashMap<>(d.headers());
        headers.put("task", "matching.index_candidate".getBytes(StandardCharsets.UTF_8));
        headers.put("x-tenant", "acme");
        headers.put("stamped_headers", null);

        TaskMessage m = decoder.decode(d.properties(), headers, d.body());

        assertThat(m.task()).isEqualTo("matching.index_candidate");
        assertThat(m.extraHeaders().keySet()).containsExactly("x-tenant", "stamped_headers");
        assertThat(m.extraHeaders()).containsEntry("x-tenant", "acme").containsEntry("stamped_headers", null);
    }

    @Test
    void leavesOutTheHeadersTheBrokerAddsWhenItDeadLetters() throws Exception {
        Samples.Delivery d = Samples.taskMessage(0);
        Map<String, Object> headers = new LinkedHashMap<>(d.headers());
        headers.put("x-death", List.of(Map.of("queue", "celery.delay.250", "reason", "expired", "count", 1L)));
        headers.put("x-first-death-queue", "celery.delay.250");
        headers.put("x-first-death-reason", "expired");
        headers.put("x-last-death-exchange", "");
        headers.put("x-delivery-count", 2L);
        headers.put("x-tenant", "acme");

        TaskMessage m = decoder.decode(d.properties(), headers, d.body());

        assertThat(m.extraHeaders()).containsOnlyKeys("x-tenant");
    }

    @Test
    void readsNaNLikePythonJson() throws Exception {
        Samples.Delivery d = Samples.taskMessage(1);
        byte[] body = "[[NaN, Infinity], {}, {}]".getBytes(StandardCharsets.UTF_8);

        TaskMessage m = decoder.decode(d.properties(), d.headers(), body);

        assertThat(m.args()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
    }

    @Test
    void contentTypeParametersAndCaseAreTolerated() throws Exception {
        Samples.Delivery d = Samples.taskMessage(1);
        AmqpProperties props = new AmqpProperties("Application/JSON; charset=utf-8", "UTF-8", null, null, null, null,
                null);

        assertThat(decoder.decode(props, d.headers(), d.body()).task()).isEqualTo("matching.delete_job_offer");
    }

    static AmqpProperties json() {
        return AmqpProperties.json(null, null, null, 2, null);
    }
}
