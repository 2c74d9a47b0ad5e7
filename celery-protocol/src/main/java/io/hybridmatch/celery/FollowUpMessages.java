package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_CANVAS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The task messages a worker publishes because of a task it ran: its retry, its link (success) callbacks, its
 * link_error callbacks and the next step of its chain. Each mirrors what Celery's worker does (references per method);
 * the result still has to go through {@link TaskMessageEncoder}.
 */
public final class FollowUpMessages {

    private final Clock clock;
    private final String defaultQueue;

    /**
     * @param defaultQueue where a signature without a {@code queue} option goes (Celery's task_default_queue,
     *                     {@link Route#DEFAULT_QUEUE} unless the Django side changed it)
     */
    public FollowUpMessages(Clock clock, String defaultQueue) {
        this.clock = clock;
        this.defaultQueue = defaultQueue;
    }

    /**
     * The same task again, as {@code Task.retry} sends it (celery/app/task.py {@code retry},
     * {@code signature_from_request}): same id, root, parent, group, callbacks, chain, expires, limits, reply_to,
     * priority and extra headers; {@code retries + 1}; {@code eta = now + countdown}. The caller decides whether
     * max_retries allows it. Publish it to the queue the request came from.
     */
    public TaskMessage retry(TaskMessage request, Duration countdown) {
        return request.toBuilder()
                .protocol(2)
                .retries(request.retries() + 1)
                .eta(now().plus(countdown))
                .build();
    }

    /**
     * The message for a link callback after success (celery/app/trace.py): the parent's return value is prepended
     * to the callback's args unless the signature is immutable; parent_id is the finished task, root_id its root,
     * priority inherited.
     */
    public Publication linkCallback(TaskMessage parent, Signature callback, Object parentResult)
            throws RejectedMessageException {
        return fromSignature(parent, callback, parentResult, List.of());
    }

    /**
     * The message for a link_error callback that Celery would publish rather than call inline
     * (celery/backends/base.py {@code _call_task_errbacks}): the failed task's id is prepended to the args.
     */
    public Publication errorCallback(TaskMessage failed, Signature errback) throws RejectedMessageException {
        return fromSignature(failed, errback, failed.id(), List.of());
    }

    /**
     * The next step of the chain after success (celery/app/trace.py): the <em>last</em> element of
     * {@code chain} runs next, with the parent's result as first arg unless immutable, and carries the rest of the
     * chain. Empty when the chain is finished.
     */
    public Optional<Publication> nextInChain(TaskMessage parent, Object parentResult)
            throws RejectedMessageException {
        List<Signature> chain = parent.chain();
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Signature next = chain.getLast();
        return Optional.of(fromSignature(parent, next, parentResult, chain.subList(0, chain.size() - 1)));
    }

    /** A message and where Celery would publish it. */
    public record Publication(TaskMessage message, Route route) {
    }

    private Publication fromSignature(TaskMessage parent, Signature sig, Object firstArg, List<Signature> chain)
            throws RejectedMessageException {
        if (!sig.isPlainTask()) {
            throw new RejectedMessageException(UNSUPPORTED_CANVAS, "signature '" + sig.task() + "' is a "
                    + sig.subtaskType() + "; only plain task signatures can be published from Java");
        }
        Fields options = new Fields(sig.options(), "option");
        List<Object> args = new ArrayList<>();
        if (!sig.immutable()) {
            args.add(firstArg);
        }
        args.addAll(sig.args());
        String taskId = options.string("task_id");
        Integer priority = options.integer("priority");
        TaskMessage message = TaskMessage.builder(taskId != null ? taskId : UUID.randomUUID().toString(), sig.task())
                .args(args)
                .kwargs(sig.kwargs())
                .callbacks(signatures(options, "link"))
                .errbacks(signatures(options, "link_error"))
                .chain(chain)
                .eta(eta(options))
                .expires(expires(options))
                .group(options.string("group_id"))
                .groupIndex(options.integer("group_index"))
                .shadow(options.string("shadow"))
                .timeLimit(number(options, "time_limit"))
                .softTimeLimit(number(options, "soft_time_limit"))
                .rootId(parent.effectiveRootId())
                .parentId(parent.id())
                .ignoreResult(options.bool("ignore_result"))
                .properties(AmqpProperties.json(null, options.string("reply_to"),
                        priority != null ? priority : parent.properties().priority(), AmqpProperties.PERSISTENT, null))
                .build();
        return new Publication(message, route(options));
    }

    private Route route(Fields options) throws RejectedMessageException {
        String queue = options.string("queue");
        String exchange = options.string("exchange");
        String routingKey = options.string("routing_key");
        if (queue == null && exchange != null && routingKey != null) {
            return new Route(exchange, routingKey);
        }
        return Route.queue(queue != null ? queue : defaultQueue);
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
