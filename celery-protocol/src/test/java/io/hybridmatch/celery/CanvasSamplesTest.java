package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What this library makes a Java worker publish and store, compared with what a real Celery 5.2.6 worker published
 * and stored in the same situations (canvas-samples.celery-5.2.6.json, recorded by record_canvas_samples.py: the
 * Python worker consumed queue Q with task_routes {rc.*: Q, other.*: Q.other} and task_default_queue Q.default).
 * Ids are compared by their position, since both sides generate their own.
 */
class CanvasSamplesTest {

    private static final JsonNode S = Samples.resource("canvas-samples.celery-5.2.6.json");
    private static final String Q = S.get("queue").stringValue();
    private static final Instant DONE = Instant.parse("2026-12-02T15:27:37.252629Z");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final TaskRoutes routes = new TaskRoutes(Map.of("rc.*", Q, "other.*", Q + ".other"),
            Set.of("rc.add"), Q, Q + ".default");
    private final FollowUpMessages followUps = new FollowUpMessages(Clock.systemUTC(), routes);
    private final TaskMessageEncoder encoder = new TaskMessageEncoder(Clock.systemUTC(), "java@test");
    private final RedisResults extended = new RedisResults(Duration.ofMinutes(10), true);

    private static TaskMessage parent(List<Object> args, Signature... links) {
        return TaskMessage.builder(java.util.UUID.randomUUID().toString(), "rc.add").args(args)
                .callbacks(List.of(links)).properties(AmqpProperties.json("c", null, 7, 2, null)).build();
    }

    /** A JSON text with every uuid replaced by its order of first appearance, and date_done/traceback blanked. */
    private static String normalized(String json) {
        Map<String, String> seen = new HashMap<>();
        Matcher m = UUID.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, seen.computeIfAbsent(m.group(), id -> "<id" + seen.size() + ">"));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\"date_done\": \"[^\"]+\"", "\"date_done\": \"<date>\"")
                .replaceAll("\"traceback\": \"([^\"\\\\]|\\\\.)*\"", "\"traceback\": \"<tb>\"");
    }

    /** What a client can observe of a published follow-up: queue, task, args, group, chain, priority. */
    private static String observable(String routingKey, Map<String, Object> headers, Object priority, String body) {
        return normalized("{\"queue\": \"" + routingKey + "\", \"task\": \"" + headers.get("task") + "\", \"group\": "
                + (headers.get("group") == null ? "null" : "\"" + headers.get("group") + "\"")
                + ", \"group_index\": " + headers.get("group_index") + ", \"priority\": " + priority
                + ", \"body\": " + body.replace("\"chain\": []", "\"chain\": null") + "}");
    }

    private static List<String> recordedPublished(String scenario) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : S.get(scenario).get("published")) {
            Map<String, Object> headers = Samples.JSON.convertValue(m.get("headers"), Map.class);
            out.add(observable(m.get("routing_key").stringValue(), headers, m.get("properties").get("priority"),
                    m.get("body_raw").stringValue()));
        }
        return out;
    }

    private List<String> javaPublished(FollowUpMessages.FollowUps followUps) {
        List<String> out = new ArrayList<>();
        for (FollowUpMessages.Publication p : followUps.publications()) {
            OutgoingMessage wire = encoder.encode(p.message(), p.route());
            out.add(observable(wire.route().routingKey(), wire.headers(), wire.properties().priority(),
                    new String(wire.body(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The parent's stored meta as Java writes it, normalised like the recorded one. */
    private String javaMeta(TaskMessage parent, Object value, FollowUpMessages.FollowUps followUps) {
        TaskResult result = TaskResult.success(parent.id(), value, DONE).withChildren(followUps.children())
                .withRequest(ResultRequest.of(parent, "rc-py@test", Q));
        String ids = followUps.publications().stream().map(p -> p.message().id()).toList().toString();
        return normalized(ids + new String(extended.value(result), StandardCharsets.UTF_8));
    }

    private static String recordedMeta(String scenario, String field) {
        String published = new ArrayList<>(S.get(scenario).get("published").valueStream()
                .map(m -> m.get("headers").get("id").stringValue()).toList()).toString();
        return normalized(published + S.get(scenario).get(field).stringValue());
    }

    private void assertSameAsPython(String scenario, TaskMessage parent, Object value) throws Exception {
        FollowUpMessages.FollowUps out = followUps.afterSuccess(parent, value);
        assertThat(javaPublished(out)).isEqualTo(recordedPublished(scenario));
        assertThat(javaMeta(parent, value, out)).isEqualTo(recordedMeta(scenario, "parent"));
    }

    @Test
    void aLinkGoesWhereTaskRoutesSendItWithoutTheParentsPriority() throws Exception {
        assertSameAsPython("link_routed", parent(List.of(1, 2), Signature.of("other.notify", List.of("x"))), 3);
    }

    @Test
    void aLinkToATaskNobodyRoutesGoesToTheDefaultQueue() throws Exception {
        assertSameAsPython("link_default", parent(List.of(1, 2), Signature.of("unknown.notify", List.of())), 3);
    }

    @Test
    void severalLinksAreSentAsOneGroup() throws Exception {
        Signature b = new Signature("other.b", List.of(), Map.of(), Map.of(), null, true);
        assertSameAsPython("two_links", parent(List.of(1, 2), Signature.of("other.a", List.of()), b), 3);
    }

    @Test
    void aGroupAsLinkIsApplied() throws Exception {
        Signature group = new Signature("celery.group", List.of(), Map.of("tasks", List.of(
                Signature.of("other.a", List.of()).toJson(), Signature.of("other.b", List.of()).toJson())),
                Map.of(), "group", false);
        assertSameAsPython("group_link", parent(List.of(1, 2), group), 3);
    }

    @Test
    void theNextChainStepCarriesTheRest() throws Exception {
        JsonNode next = Samples.JSON.readTree(S.get("chain").get("published").get(0).get("body_raw").stringValue());
        Signature last = Signature.fromJson(Samples.JSON.convertValue(next.get(2).get("chain").get(0), Map.class), "c");
        Signature step = new Signature("other.step", List.of(10), Map.of(), Map.of("task_id",
                S.get("chain").get("published").get(0).get("headers").get("id").stringValue(),
                "reply_to", last.options().get("reply_to")), null, false);
        TaskMessage first = parent(List.of(1, 2)).toBuilder().chain(List.of(last, step)).build();

        FollowUpMessages.FollowUps out = followUps.afterSuccess(first, 3);

        assertThat(javaPublished(out)).isEqualTo(recordedPublished("chain"));
        assertThat(javaMeta(first, 3, out)).isEqualTo(recordedMeta("chain", "first"));
    }

    @Test
    void aGroupAsTheLastChainStepIsApplied() throws Exception {
        List<Object> members = new ArrayList<>();
        int i = 0;
        for (String task : List.of("other.a", "other.b")) {
            members.add(new Signature(task, List.of(), Map.of(), Map.of("group_index", i++), null, false).toJson());
        }
        Signature group = new Signature("celery.group", List.of(), Map.of("tasks", members), Map.of(), "group", false);
        TaskMessage first = parent(List.of(1, 2)).toBuilder().chain(List.of(group)).build();

        FollowUpMessages.FollowUps out = followUps.afterSuccess(first, 3);

        assertThat(javaPublished(out)).isEqualTo(recordedPublished("chain_to_group"));
        assertThat(javaMeta(first, 3, out)).isEqualTo(recordedMeta("chain_to_group", "first"));
    }

    @Test
    void errbacksGoAsAGroupWithTheFailedId() throws Exception {
        TaskMessage failed = TaskMessage.builder(java.util.UUID.randomUUID().toString(), "rc.fail")
                .args(List.of("boom")).errbacks(List.of(Signature.of("other.on_error", List.of()))).build();

        FollowUpMessages.FollowUps out = followUps.errbacks(failed);

        assertThat(normalized(failed.id() + javaPublished(out))).isEqualTo(
                normalized(Samples.JSON.readTree(S.get("errback").get("parent").stringValue()).get("task_id").stringValue()
                        + recordedPublished("errback").toString()));
    }

    @Test
    void aFailedChainStepFailsEveryRemainingStepWithTheSameError() throws Exception {
        JsonNode recorded = S.get("chain_failure");
        JsonNode second = Samples.JSON.readTree(recorded.get("second").stringValue());
        JsonNode last = Samples.JSON.readTree(recorded.get("last").stringValue());
        Signature secondStep = new Signature("rc.add", List.of(1), Map.of(),
                Map.of("task_id", second.get("task_id").stringValue()), null, false);
        Signature lastStep = new Signature("rc.add", List.of(2), Map.of(),
                Map.of("task_id", last.get("task_id").stringValue(),
                        "link_error", List.of(Signature.of("other.on_error", List.of()).toJson())), null, false);
        TaskMessage first = TaskMessage.builder("f", "rc.fail").args(List.of("chain broke"))
                .chain(List.of(lastStep, secondStep)).build();
        TaskResult failure = TaskResult.failure("f", new PythonException("ValueError", "builtins",
                List.of("chain broke")), "Traceback ...", DONE);

        List<FollowUpMessages.FailedStep> steps = followUps.failedChainSteps(first, failure);

        assertThat(steps).extracting(s -> s.request().id()).containsExactly(last.get("task_id").stringValue(),
                second.get("task_id").stringValue());
        assertThat(steps).extracting(s -> normalized(new String(extended.value(s.result()), StandardCharsets.UTF_8)))
                .containsExactly(normalized(recorded.get("last").stringValue()),
                        normalized(recorded.get("second").stringValue()));
        assertThat(followUps.errbacks(first)).isEqualTo(FollowUpMessages.FollowUps.NONE);
        assertThat(javaPublished(followUps.errbacks(first))).isEqualTo(recordedPublished("chain_failure"));
    }

    @Test
    void aChordJoinsItsPartsInGroupOrderAndSendsTheBody() throws Exception {
        JsonNode client = S.get("chord_client");
        TaskMessageDecoder decoder = new TaskMessageDecoder();
        List<TaskMessage> header = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Samples.Delivery d = Samples.extraMessage(client, "header", i);
            header.add(decoder.decode(d.properties(), d.headers(), d.body()));
        }
        RedisChords.Keys keys = RedisChords.keys(header.getFirst().group());
        assertThat(client.get("keys").get(keys.size()).stringValue()).isEqualTo("2");
        // the second part finishes first: the sorted set still orders by group index
        List<byte[]> parts = List.of(RedisChords.part(TaskResult.success(header.get(0).id(), 2, DONE)),
                RedisChords.part(TaskResult.success(header.get(1).id(), 4, DONE)));
        assertThat(RedisChords.score(header.get(1))).isEqualTo(1.0);
        assertThat(RedisChords.complete(2, "2".getBytes(StandardCharsets.UTF_8), null)).isTrue();
        assertThat(RedisChords.complete(1, "2".getBytes(StandardCharsets.UTF_8), null)).isFalse();

        RedisChords.Join join = RedisChords.join(parts);
        FollowUpMessages.FollowUps body = followUps.chordBody(header.get(1),
                ((RedisChords.Results) join).values());

        TaskMessage m = body.publications().getFirst().message();
        assertThat(m.id()).isEqualTo(client.get("body_id").stringValue());
        assertThat(m.parentId()).isEqualTo(header.get(1).id());
        assertThat(javaPublished(body).getFirst().replace(m.id(), "x"))
                .isEqualTo(recordedPublished("chord").getFirst().replace(S.get("chord").get("body_id").stringValue(), "x"));
    }

    @Test
    void aFailedChordPartFailsTheBodyWithChordError() {
        JsonNode body = Samples.JSON.readTree(S.get("chord_failure").get("body").stringValue());
        String failedId = body.get("result").get("exc_message").get(0).stringValue().split(" ")[1];
        List<byte[]> parts = List.of(
                RedisChords.part(TaskResult.success("ok", 2, DONE)),
                RedisChords.part(TaskResult.failure(failedId, new PythonException("ValueError", "builtins",
                        List.of("chord part broke")), "tb", DONE)));

        RedisChords.Failed failed = (RedisChords.Failed) RedisChords.join(parts);

        JsonNode stored = Samples.JSON.valueToTree(failed.error().toJson());
        assertThat(stored).isEqualTo(body.get("result"));
    }
}
