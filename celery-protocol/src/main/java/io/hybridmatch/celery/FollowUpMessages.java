package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_CANVAS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The task messages a worker publishes because of a task it ran, as Celery's worker does: its retry, its link
 * callbacks and the next step of its chain after success (celery/app/trace.py), its link_error callbacks after
 * failure (celery/backends/base.py {@code _call_task_errbacks}), a chord's body once the chord's parts are in
 * (backends/redis.py {@code on_chord_part_return}). Signatures may be plain tasks or canvas: a group, a chain or a
 * chord is applied as {@code Signature.apply_async} would (celery/canvas.py). Routes come from {@link TaskRoutes};
 * priority is not inherited (Celery's {@code task_inherit_parent_priority} is off by default). The messages still
 * go through {@link TaskMessageEncoder}.
 */
public final class FollowUpMessages {

    private final Clock clock;
    private final TaskRoutes routes;

    public FollowUpMessages(Clock clock, TaskRoutes routes) {
        this.clock = clock;
        this.routes = routes;
    }

    /** A message and where Celery would publish it. */
    public record Publication(TaskMessage message, Route route) {
    }

    /**
     * A chord whose header is being published: Celery's client (or worker) first stores the header size,
     * {@code SET celery-taskset-meta-<group>.s <size>} (redis.py {@code set_chord_size}). Only a backend with native
     * chord join can do that; Celery refuses chords on rpc://.
     */
    public record ChordStart(String groupId, int size) {
    }

    /**
     * What to publish, in order, and the {@code children} the task's stored result lists for it. Chord sizes must be
     * stored before the messages are published.
     */
    public record FollowUps(List<Publication> publications, List<ChordStart> chords, List<Object> children) {

        public static final FollowUps NONE = new FollowUps(List.of(), List.of(), List.of());

        public FollowUps {
            publications = List.copyOf(publications);
            chords = List.copyOf(chords);
            children = JsonValues.unmodifiableCopy(children);
        }
    }

    /**
     * The same task again, as {@code Task.retry} sends it (celery/app/task.py {@code retry},
     * {@code signature_from_request}): same id, root, parent, group, callbacks, chain, expires, limits, reply_to,
     * priority and extra headers; {@code retries + 1}; {@code eta = now + countdown}; without a parent, the task
     * itself as parent ({@code send_task} from inside a task names it). The caller decides whether max_retries allows
     * it. Publish it to the queue the request came from.
     */
    public TaskMessage retry(TaskMessage request, Duration countdown) {
        boolean orphan = request.parentId() == null || request.parentId().isEmpty();
        return request.toBuilder()
                .protocol(2)
                .parentId(orphan ? request.id() : request.parentId())
                .retries(request.retries() + 1)
                .eta(now().plus(countdown))
                .build();
    }

    /**
     * After success (celery/app/trace.py): the link callbacks — one alone is applied as it is; several are sent as
     * one group (groups among them each as their own group) — then the next step of the chain (the <em>last</em>
     * element of {@code chain}, carrying the rest). Each gets the result as first argument unless immutable,
     * {@code parent_id} = the finished task, {@code root_id} its root.
     */
    public FollowUps afterSuccess(TaskMessage parent, Object result) throws RejectedMessageException {
        Applied applied = new Applied();
        List<Object> partial = new ArrayList<>();
        partial.add(result);
        List<Signature> callbacks = parent.callbacks();
        if (callbacks.size() == 1) {
            apply(applied, parent, callbacks.getFirst(), partial, List.of(), null);
        } else if (callbacks.size() > 1) {
            List<Signature> plain = new ArrayList<>();
            for (Signature callback : callbacks) {
                if ("group".equals(callback.subtaskType())) {
                    apply(applied, parent, callback, partial, List.of(), null);
                } else {
                    plain.add(callback);
                }
            }
            if (!plain.isEmpty()) {
                applyGroup(applied, parent, plain, UUID.randomUUID().toString(), partial);
            }
        }
        List<Signature> chain = parent.chain();
        if (!chain.isEmpty()) {
            apply(applied, parent, chain.getLast(), partial, chain.subList(0, chain.size() - 1), null);
        }
        return applied.done();
    }

    /**
     * After failure: the link_error callbacks that a Java worker can only publish (Celery calls Python errbacks
     * taking {@code (request, exc, traceback)} inline; the others it sends as one group with the failed task's id as
     * argument, {@code parent_id} = the failed task).
     */
    public FollowUps errbacks(TaskMessage failed) throws RejectedMessageException {
        return errbacks(failed, failed.errbacks(), failed.id());
    }

    /** A chain step that will never run, and the result to store for it. */
    public record FailedStep(TaskMessage request, TaskResult result) {
    }

    /**
     * The chain steps that will never run because {@code failed} failed: Celery stores the same FAILURE for every
     * remaining step that has a task id (base.py {@code mark_as_failure}), so a client waiting on the chain's last
     * result gets the error at once. Their own errbacks are not called (Celery does not either). The request of a
     * step carries its {@code reply_to} (rpc:// answers there, correlation id = the step's id).
     */
    public List<FailedStep> failedChainSteps(TaskMessage failed, TaskResult failure) throws RejectedMessageException {
        List<FailedStep> steps = new ArrayList<>();
        for (Signature step : failed.chain()) {
            Fields options = new Fields(step.options(), "option");
            String id = options.string("task_id");
            if (id != null) {
                TaskMessage request = TaskMessage.builder(id, step.task()).args(step.args()).kwargs(step.kwargs())
                        .properties(AmqpProperties.json(id, options.string("reply_to"), null,
                                AmqpProperties.PERSISTENT, null))
                        .build();
                steps.add(new FailedStep(request, new TaskResult(id, failure.status(), failure.result(),
                        failure.traceback(), failure.dateDone(), List.of(), ResultRequest.chainStep(step))));
            }
        }
        return steps;
    }

    /** The chord body once every part is in: the parts' results (in group order) as its first argument. */
    public FollowUps chordBody(TaskMessage lastPart, List<Object> results) throws RejectedMessageException {
        Applied applied = new Applied();
        List<Object> partial = new ArrayList<>();
        partial.add(results);
        apply(applied, lastPart, lastPart.chord(), partial, List.of(), null);
        return applied.done();
    }

    /**
     * A chord whose part failed: its body is marked FAILURE with a {@code ChordError} and the body's errbacks are
     * sent with the body's id (base.py {@code chord_error_from_stack}).
     */
    public FollowUps chordBodyErrbacks(TaskMessage part) throws RejectedMessageException {
        Signature body = part.chord();
        Fields options = new Fields(body.options(), "option");
        return errbacks(part, signatures(options, "link_error"), options.string("task_id"));
    }

    private FollowUps errbacks(TaskMessage failed, List<Signature> errbacks, String failedId)
            throws RejectedMessageException {
        if (errbacks.isEmpty()) {
            return FollowUps.NONE;
        }
        Applied applied = new Applied();
        List<Object> partial = new ArrayList<>();
        partial.add(failedId);
        applyGroup(applied, failed, errbacks, UUID.randomUUID().toString(), partial);
        return applied.done();
    }

    /** What applying signatures produced so far. */
    private static final class Applied {
        final List<Publication> publications = new ArrayList<>();
        final List<ChordStart> chords = new ArrayList<>();
        final List<Object> children = new ArrayList<>();

        FollowUps done() {
            return new FollowUps(publications, chords, children);
        }
    }

    /** {@code sig.apply_async(partial, chain=chain, parent_id=..., root_id=...)} for any kind of signature. */
    private void apply(Applied out, TaskMessage parent, Signature sig, List<Object> partial, List<Signature> chain,
                       Membership membership) throws RejectedMessageException {
        switch (sig.subtaskType()) {
            case null -> {
                TaskMessage message = message(parent, sig, partial, chain, membership);
                out.publications.add(new Publication(message, routes.route(sig.task(), sig.options())));
                out.children.add(ChildResults.task(message.id()));
            }
            case "group" -> {
                requireNoChain(sig, chain);
                String groupId = new Fields(sig.options(), "option").string("task_id");
                applyGroup(out, parent, members(sig, "tasks"), groupId != null ? groupId : UUID.randomUUID().toString(),
                        sig.immutable() ? List.of() : partial);
            }
            case "chain" -> applyChain(out, parent, sig, partial, chain);
            case "chord" -> {
                requireNoChain(sig, chain);
                applyChord(out, parent, sig, partial);
            }
            default -> throw new RejectedMessageException(UNSUPPORTED_CANVAS,
                    "signature '" + sig.task() + "' has an unknown subtask_type '" + sig.subtaskType() + "'");
        }
    }

    /** group.apply_async: each member with the group's id (and its own group_index, when frozen with one). */
    private void applyGroup(Applied out, TaskMessage parent, List<Signature> members, String groupId,
                            List<Object> partial) throws RejectedMessageException {
        List<String> ids = new ArrayList<>();
        for (Signature member : members) {
            requirePlain(member, "a group member");
            Integer index = new Fields(member.options(), "option").integer("group_index");
            TaskMessage message = message(parent, member, partial, List.of(), new Membership(groupId, index, null));
            out.publications.add(new Publication(message, routes.route(member.task(), member.options())));
            ids.add(message.id());
        }
        out.children.add(ChildResults.group(groupId, ids));
    }

    /**
     * chain.apply_async (canvas.py {@code prepare_steps}): nested chains are flattened, every step gets its task id,
     * the first is published with the partial args and carries the others (reversed: the last element runs next),
     * after them the steps of an enclosing chain; link_error goes to every step, link to the last.
     */
    private void applyChain(Applied out, TaskMessage parent, Signature sig, List<Object> partial,
                            List<Signature> outerRest) throws RejectedMessageException {
        List<Signature> steps = new ArrayList<>();
        flatten(sig, steps);
        Fields options = new Fields(sig.options(), "option");
        List<Signature> errbacks = signatures(options, "link_error");
        List<Signature> links = signatures(options, "link");
        List<Signature> frozen = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Signature step = steps.get(i);
            requirePlain(step, "a chain step");
            Map<String, Object> o = new LinkedHashMap<>(step.options());
            o.putIfAbsent("task_id", UUID.randomUUID().toString());
            appendSignatures(o, "link_error", errbacks);
            if (i == steps.size() - 1) {
                appendSignatures(o, "link", links);
            }
            frozen.add(new Signature(step.task(), step.args(), step.kwargs(), o, null, step.immutable()));
        }
        List<Signature> rest = new ArrayList<>(outerRest);
        rest.addAll(frozen.subList(1, frozen.size()).reversed());
        List<Object> firstArgs = sig.immutable() ? List.of() : partial;
        apply(out, parent, frozen.getFirst(), firstArgs, rest, null);
    }

    /**
     * chord.apply_async on a backend with native join (canvas.py {@code chord.run}, redis.py
     * {@code set_chord_size}): the header's size is stored, then each header task is published with the group id,
     * its index and the body (with its task id) as {@code chord}.
     */
    private void applyChord(Applied out, TaskMessage parent, Signature sig, List<Object> partial)
            throws RejectedMessageException {
        Object header = sig.kwargs().get("header");
        List<Signature> members = header instanceof List<?> list ? Signature.listFromJson(list, "chord header")
                : members(Signature.fromJson(header, "chord header"), "tasks");
        Signature body = Signature.fromJson(sig.kwargs().get("body"), "chord body");
        requirePlain(body, "a chord body");
        Map<String, Object> bodyOptions = new LinkedHashMap<>(body.options());
        bodyOptions.putIfAbsent("task_id", UUID.randomUUID().toString());
        Signature frozenBody = new Signature(body.task(), body.args(), body.kwargs(), bodyOptions, null,
                body.immutable());
        String groupId = new Fields(sig.options(), "option").string("group_id");
        groupId = groupId != null ? groupId : UUID.randomUUID().toString();
        out.chords.add(new ChordStart(groupId, members.size()));
        List<String> ids = new ArrayList<>();
        List<Object> args = sig.immutable() ? List.of() : partial;
        for (int i = 0; i < members.size(); i++) {
            Signature member = members.get(i);
            requirePlain(member, "a chord header task");
            TaskMessage message = message(parent, member, args, List.of(), new Membership(groupId, i, frozenBody));
            out.publications.add(new Publication(message, routes.route(member.task(), member.options())));
            ids.add(message.id());
        }
        out.children.add(ChildResults.group(groupId, ids));
    }

    /** A group, chord header or chord body membership a published task carries. */
    private record Membership(String groupId, Integer groupIndex, Signature chord) {
    }

    private TaskMessage message(TaskMessage parent, Signature sig, List<Object> partial, List<Signature> chain,
                                Membership membership) throws RejectedMessageException {
        Fields options = new Fields(sig.options(), "option");
        List<Object> args = new ArrayList<>();
        if (!sig.immutable()) {
            args.addAll(partial);
        }
        args.addAll(sig.args());
        String taskId = options.string("task_id");
        return TaskMessage.builder(taskId != null ? taskId : UUID.randomUUID().toString(), sig.task())
                .args(args)
                .kwargs(sig.kwargs())
                .callbacks(signatures(options, "link"))
                .errbacks(signatures(options, "link_error"))
                .chain(chain)
                .chord(membership != null ? membership.chord() : null)
                .eta(eta(options))
                .expires(expires(options))
                .group(membership != null ? membership.groupId() : options.string("group_id"))
                .groupIndex(membership != null ? membership.groupIndex() : options.integer("group_index"))
                .shadow(options.string("shadow"))
                .timeLimit(number(options, "time_limit"))
                .softTimeLimit(number(options, "soft_time_limit"))
                .rootId(parent.effectiveRootId())
                .parentId(parent.id())
                .ignoreResult(options.bool("ignore_result"))
                .properties(AmqpProperties.json(null, options.string("reply_to"), options.integer("priority"),
                        AmqpProperties.PERSISTENT, null))
                .build();
    }

    private static void flatten(Signature chain, List<Signature> into) throws RejectedMessageException {
        for (Signature step : members(chain, "tasks")) {
            if ("chain".equals(step.subtaskType())) {
                flatten(step, into);
            } else {
                into.add(step);
            }
        }
    }

    /** The member signatures a group or chain holds in {@code kwargs.tasks}. */
    private static List<Signature> members(Signature canvas, String name) throws RejectedMessageException {
        List<Signature> members = Signature.listFromJson(canvas.kwargs().get(name),
                canvas.subtaskType() + " '" + name + "'");
        if (members.isEmpty()) {
            throw new RejectedMessageException(UNSUPPORTED_CANVAS, "empty " + canvas.subtaskType());
        }
        return members;
    }

    private static void requirePlain(Signature sig, String role) throws RejectedMessageException {
        if (!sig.isPlainTask()) {
            throw new RejectedMessageException(UNSUPPORTED_CANVAS, "'" + sig.task() + "' (a " + sig.subtaskType()
                    + ") as " + role + " is not supported from Java; only plain task signatures there");
        }
    }

    private static void requireNoChain(Signature sig, List<Signature> chain) throws RejectedMessageException {
        if (!chain.isEmpty()) {
            throw new RejectedMessageException(UNSUPPORTED_CANVAS, "a " + sig.subtaskType()
                    + " followed by more chain steps (Celery turns it into a chord on the client) is not supported");
        }
    }

    private static void appendSignatures(Map<String, Object> options, String name, List<Signature> added)
            throws RejectedMessageException {
        if (added.isEmpty()) {
            return;
        }
        List<Object> all = new ArrayList<>();
        signatures(new Fields(options, "option"), name).forEach(s -> all.add(s.toJson()));
        added.forEach(s -> all.add(s.toJson()));
        options.put(name, all);
    }

    /** link / link_error options hold one signature or a list of them. */
    private static List<Signature> signatures(Fields options, String name) throws RejectedMessageException {
        Object value = options.raw(name);
        return value instanceof Map<?, ?> ? List.of(Signature.fromJson(value, "option '" + name + "'"))
                : Signature.listFromJson(value, "option '" + name + "'");
    }

    /** countdown (seconds) wins over eta, as in apply_async. */
    private OffsetDateTime eta(Fields options) throws RejectedMessageException {
        return options.raw("countdown") instanceof Number seconds ? after(seconds) : options.time("eta");
    }

    /** expires is seconds from now or an ISO timestamp, as in apply_async. */
    private OffsetDateTime expires(Fields options) throws RejectedMessageException {
        return options.raw("expires") instanceof Number seconds ? after(seconds) : options.time("expires");
    }

    private static Number number(Fields options, String name) throws RejectedMessageException {
        Object value = options.raw(name);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        throw options.invalid(name, "is not a number");
    }

    private OffsetDateTime after(Number seconds) {
        return now().plus(Duration.ofNanos(Math.round(seconds.doubleValue() * 1e9)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
