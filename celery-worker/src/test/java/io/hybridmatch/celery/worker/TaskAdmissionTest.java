package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.celery.AmqpProperties;
import io.hybridmatch.celery.Samples;
import io.hybridmatch.celery.TaskMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admission verdicts, on messages recorded from Celery 5.2.6 producers. */
class TaskAdmissionTest {

    /** Sample 0: matching.index_candidate([{...}], source='post_save'), no eta. */
    private static final Samples.Delivery PLAIN = Samples.taskMessage(0);
    /** eta 2026-11-25T01:47:08.704039Z, expires 2026-11-25T01:56:38.704039Z. */
    private static final Samples.Delivery WITH_ETA = Samples.extraMessage("v2_plain_raw", 0);
    private static final Instant BEFORE_ETA = Instant.parse("2026-11-25T01:47:00Z");

    private static final CeleryTaskHandler INDEX_CANDIDATE = CeleryTaskHandler.of("matching.index_candidate",
            TaskParameters.required("candidate", "source"), null, call -> null);

    private static TaskAdmission admission(Instant now, Set<String> revoked, CeleryTaskHandler... handlers) {
        Map<String, CeleryTaskHandler> byName = new TaskRegistry(List.of(handlers)).byName();
        return new TaskAdmission(new TaskMessageDecoder(1 << 20), byName, revoked::contains,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Admission admit(TaskAdmission admission, Samples.Delivery d) {
        return admission.admit(d.properties(), d.headers(), d.body());
    }

    @Test
    void aRegisteredTaskWithBindingArgumentsRunsWithThemBoundByName() {
        Admission verdict = admit(admission(BEFORE_ETA, Set.of(), INDEX_CANDIDATE), PLAIN);

        assertThat(verdict).isInstanceOf(Admission.Run.class);
        Admission.Run run = (Admission.Run) verdict;
        assertThat(run.handler()).isSameAs(INDEX_CANDIDATE);
        assertThat(run.arguments()).containsEntry("source", "post_save");
        assertThat(run.arguments().get("candidate")).isEqualTo(
                Map.of("candidate_id", "42", "headline", "Développeur Java", "skills", List.of("java", "spring")));
    }

    @Test
    void aFutureEtaParksTheTaskForTheTimeLeftAndAPastOneRunsIt() {
        Admission early = admit(admission(BEFORE_ETA, Set.of(), INDEX_CANDIDATE), WITH_ETA);
        assertThat(early).isInstanceOf(Admission.Park.class);
        assertThat(((Admission.Park) early).remaining()).isEqualTo(Duration.ofMillis(8_704).plusNanos(39_000));

        Admission due = admit(admission(Instant.parse("2026-11-25T01:50:00Z"), Set.of(), INDEX_CANDIDATE), WITH_ETA);
        assertThat(due).isInstanceOf(Admission.Run.class);
    }

    @Test
    void anExpiredTaskIsRevokedEvenWhenItsTaskIsUnknown() {
        Admission verdict = admit(admission(Instant.parse("2026-11-25T02:00:00Z"), Set.of()), WITH_ETA);

        assertThat(verdict).isInstanceOf(Admission.Revoke.class);
        assertThat(((Admission.Revoke) verdict).why()).isEqualTo("expired");
    }

    @Test
    void aRevokedIdIsRevokedBeforeAnythingElseIsChecked() {
        String id = (String) PLAIN.headers().get("id");
        Admission verdict = admit(admission(BEFORE_ETA, Set.of(id)), PLAIN);

        assertThat(verdict).isInstanceOf(Admission.Revoke.class);
        assertThat(((Admission.Revoke) verdict).task().id()).isEqualTo(id);
        assertThat(((Admission.Revoke) verdict).why()).isEqualTo("revoked");
    }

    @Test
    void anUnknownTaskIsRejectedWithCeleryNotRegistered() {
        Admission verdict = admit(admission(BEFORE_ETA, Set.of()), PLAIN);

        Admission.Reject reject = (Admission.Reject) verdict;
        assertThat(reject.reason()).isEqualTo("UNKNOWN_TASK");
        assertThat(reject.error().type()).isEqualTo("NotRegistered");
        assertThat(reject.error().module()).isEqualTo("celery.exceptions");
        assertThat(reject.error().message()).containsExactly("matching.index_candidate");
    }

    @Test
    void argumentsThatDoNotBindAreRejectedWithPythonsTypeError() {
        CeleryTaskHandler oneParameter = CeleryTaskHandler.of("matching.index_candidate",
                TaskParameters.required("candidate"), null, call -> null);

        Admission.Reject reject = (Admission.Reject) admit(admission(BEFORE_ETA, Set.of(), oneParameter), PLAIN);

        assertThat(reject.reason()).isEqualTo("INVALID_ARGUMENTS");
        assertThat(reject.error().type()).isEqualTo("TypeError");
        assertThat(reject.detail()).isEqualTo("index_candidate() got an unexpected keyword argument 'source'");
    }

    @Test
    void anUnreadableMessageIsRejectedWithoutATaskToAnswer() {
        AmqpProperties pickle = new AmqpProperties("application/x-python-serialize", "binary", "id-1", null, 0, 2, null);
        Admission verdict = admission(BEFORE_ETA, Set.of(), INDEX_CANDIDATE)
                .admit(pickle, PLAIN.headers(), "\u0080\u0004".getBytes(StandardCharsets.ISO_8859_1));

        Admission.Reject reject = (Admission.Reject) verdict;
        assertThat(reject.reason()).isEqualTo("UNSUPPORTED_CONTENT_TYPE");
        assertThat(reject.task()).isNull();
        assertThat(reject.error()).isNull();
    }
}
