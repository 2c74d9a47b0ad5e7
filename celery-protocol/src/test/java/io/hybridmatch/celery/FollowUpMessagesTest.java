package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpMessagesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T02:00:00.123456Z");
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);

    private final FollowUpMessages followUps = new FollowUpMessages(CLOCK, TaskRoutes.defaultQueue(Route.DEFAULT_QUEUE));
    private final TaskMessageDecoder decoder = new TaskMessageDecoder();
    private final TaskMessageEncoder encoder = new TaskMessageEncoder(CLOCK, "java@test");

    private TaskMessage decode(Samples.Delivery d) throws RejectedMessageException {
        return decoder.decode(d.properties(), d.headers(), d.body());
    }

    @Test
    void retryKeepsTheTaskAndBumpsRetriesWithANewEta() throws Exception {
        TaskMessage request = decode(Samples.taskMessage(2)).toBuilder()
                .retries(2).parentId("p-1").extraHeader("x-tenant", "acme").build();

        TaskMessage retry = followUps.retry(request, Duration.ofSeconds(180));
        OutgoingMessage out = encoder.encode(retry, Route.queue("celery"));

        assertThat(retry.retries()).isEqualTo(3);
        assertThat(retry.eta()).isEqualTo(NOW.plusSeconds(180));
        assertThat(retry).usingRecursiveComparison().ignoringFields("retries", "eta").isEqualTo(request);
        assertThat(out.headers()).containsEntry("id", request.id()).containsEntry("retries", 3)
                .containsEntry("eta", "2026-11-25T02:03:00.123456+00:00")
                .containsEntry("root_id", request.id()).containsEntry("parent_id", "p-1")
                .containsEntry("x-tenant", "acme");
        assertThat(out.properties().correlationId()).isEqualTo(request.id());
        assertThat(out.properties().replyTo()).isEqualTo(request.replyTo());
        TaskMessage again = decoder.decode(out.properties(), out.headers(), out.body());
        assertThat(again.callbacks()).isEqualTo(request.callbacks());
        assertThat(again.errbacks()).isEqualTo(request.errbacks());
    }

    @Test
    void aRetryWithoutParentHasTheTaskItselfAsParent() throws Exception {
        TaskMessage request = decode(Samples.taskMessage(2)).toBuilder().parentId(null).build();

        OutgoingMessage out = encoder.encode(followUps.retry(request, Duration.ofSeconds(1)), Route.queue("celery"));

        assertThat(out.headers()).containsEntry("parent_id", request.id()).containsEntry("root_id", request.id());
    }

    @Test
    void retryKeepsExpiresPriorityAndLimits() throws Exception {
        TaskMessage request = decode(Samples.taskMessage(3)).toBuilder().expires(NOW.plusSeconds(60)).build();

        OutgoingMessage out = encoder.encode(followUps.retry(request, Duration.ofSeconds(5)), Route.queue("celery"));

        assertThat(out.headers()).containsEntry("timelimit", List.of(60, 50))
                .containsEntry("ignore_result", true)
                .containsEntry("expires", CeleryTimes.isoformat(NOW.plusSeconds(60)));
        assertThat(out.properties().priority()).isEqualTo(5);
        assertThat(out.properties().expiration()).isEqualTo("60000");
    }

    private FollowUpMessages.Publication only(FollowUpMessages.FollowUps followUps) {
        assertThat(followUps.publications()).hasSize(1);
        return followUps.publications().getFirst();
    }

    @Test
    void linkCallbackGetsTheResultAsFirstArgumentAndNotTheParentsPriority() throws Exception {
        TaskMessage parent = decode(Samples.taskMessage(2)).toBuilder()
                .properties(AmqpProperties.json("x", null, 7, 2, null)).build();
        Map<String, Object> result = Map.of("indexed", true);

        FollowUpMessages.FollowUps out = followUps.afterSuccess(parent, result);
        FollowUpMessages.Publication p = only(out);

        TaskMessage m = p.message();
        assertThat(m.task()).isEqualTo("matching.notify");
        assertThat(m.args()).containsExactly(result, "ok");
        assertThat(m.parentId()).isEqualTo(parent.id());
        assertThat(m.rootId()).isEqualTo(parent.id());
        assertThat(m.id()).isNotEqualTo(parent.id()).hasSize(36);
        assertThat(m.retries()).isZero();
        assertThat(m.properties().priority()).isNull();
        assertThat(encoder.encode(m, p.route()).properties().priority()).isZero();
        assertThat(p.route()).isEqualTo(Route.queue("celery"));
        assertThat(out.children()).containsExactly(ChildResults.task(m.id()));
    }

    @Test
    void immutableCallbackKeepsItsOwnArgumentsAndOptionsAreApplied() throws Exception {
        Signature callback = new Signature("matching.audit", List.of("fixed"), Map.of("k", 1),
                Map.of("queue", "audit", "countdown", 10, "expires", 60.5, "priority", 9, "time_limit", 30,
                        "task_id", "cb-1", "link", Signature.of("matching.after", List.of()).toJson()),
                null, true);
        TaskMessage parent = decode(Samples.taskMessage(3)).toBuilder().callbacks(List.of(callback)).build();

        FollowUpMessages.Publication p = only(followUps.afterSuccess(parent, "ignored"));

        TaskMessage m = p.message();
        assertThat(m.id()).isEqualTo("cb-1");
        assertThat(m.args()).containsExactly("fixed");
        assertThat(m.kwargs()).isEqualTo(Map.of("k", 1));
        assertThat(m.eta()).isEqualTo(NOW.plusSeconds(10));
        assertThat(m.expires()).isEqualTo(NOW.plusSeconds(60).plusNanos(500_000_000));
        assertThat(m.properties().priority()).isEqualTo(9);
        assertThat(m.timeLimit()).isEqualTo(30);
        assertThat(m.callbacks()).containsExactly(Signature.of("matching.after", List.of()));
        assertThat(p.route()).isEqualTo(Route.queue("audit"));
    }

    @Test
    void errbacksAreSentAsOneGroupWithTheFailedTaskId() throws Exception {
        TaskMessage failed = decode(Samples.taskMessage(2));

        FollowUpMessages.FollowUps out = followUps.errbacks(failed);
        TaskMessage m = only(out).message();

        assertThat(m.task()).isEqualTo("matching.on_error");
        assertThat(m.args()).containsExactly(failed.id());
        assertThat(m.parentId()).isEqualTo(failed.id());
        assertThat(m.group()).isNotNull();
        assertThat(m.groupIndex()).isNull();
    }

    @Test
    void chainRunsItsLastElementNextAndHandsOnTheRest() throws Exception {
        TaskMessage first = decode(Samples.extraMessage("v2_chain", 0));

        FollowUpMessages.Publication second = only(followUps.afterSuccess(first, "parsed"));

        assertThat(second.message().task()).isEqualTo("matching.embed");
        assertThat(second.message().id()).isEqualTo(first.chain().getLast().options().get("task_id"));
        assertThat(second.message().args()).containsExactly("parsed");
        assertThat(second.message().parentId()).isEqualTo(first.id());
        assertThat(second.message().rootId()).isEqualTo(first.id());
        assertThat(second.message().replyTo()).isEqualTo(first.replyTo());
        assertThat(second.message().chain()).extracting(Signature::task).containsExactly("matching.notify");

        // What the next worker decodes from the published bytes continues the chain.
        OutgoingMessage wire = encoder.encode(second.message(), second.route());
        TaskMessage received = decoder.decode(wire.properties(), wire.headers(), wire.body());
        FollowUpMessages.Publication third = only(followUps.afterSuccess(received, List.of(0.1, 0.2)));

        assertThat(third.message().task()).isEqualTo("matching.notify");
        assertThat(third.message().args()).containsExactly("done");
        assertThat(third.message().rootId()).isEqualTo(first.id());
        assertThat(third.message().parentId()).isEqualTo(second.message().id());
        assertThat(third.message().chain()).isEmpty();
        assertThat(followUps.afterSuccess(third.message(), null)).isEqualTo(FollowUpMessages.FollowUps.NONE);
    }

    @Test
    void refusesAGroupFollowedByMoreChainSteps() throws Exception {
        Signature group = new Signature("celery.group", List.of(),
                Map.of("tasks", List.of(Signature.of("a", List.of()).toJson())), Map.of(), "group", false);
        TaskMessage parent = decode(Samples.taskMessage(2)).toBuilder().callbacks(List.of())
                .chain(List.of(Signature.of("after", List.of()), group)).build();

        RejectedMessageException e = catchThrowableOfType(RejectedMessageException.class,
                () -> followUps.afterSuccess(parent, 1));

        assertThat(e.reason()).isEqualTo(RejectedMessageException.Reason.UNSUPPORTED_CANVAS);
        assertThat(e.getMessage()).contains("a group followed by more chain steps");
    }

    @Test
    void refusesMistypedOptions() throws Exception {
        Signature bad = new Signature("t", List.of(), Map.of(), Map.of("time_limit", "soon"), null, false);
        TaskMessage parent = decode(Samples.taskMessage(2)).toBuilder().callbacks(List.of(bad)).build();

        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> followUps.afterSuccess(parent, 1)).getMessage())
                .contains("option 'time_limit' is not a number");
    }
}
