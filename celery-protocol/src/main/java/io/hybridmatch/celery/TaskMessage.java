package io.hybridmatch.celery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task to run, whatever protocol version carried it. Field names follow Celery's protocol v2 headers
 * (celery/app/amqp.py {@code as_task_v2}); a v1 message is mapped to the same fields the way Celery's worker does
 * (celery/worker/strategy.py {@code proto1_to_proto2}).
 *
 * <p>Empty {@code callbacks}, {@code errbacks} and {@code chain} mean "none" (Celery writes null). {@code chain} is in
 * Celery's order: the <em>last</em> element runs next. {@code timeLimit} and {@code softTimeLimit} are seconds, from
 * the header {@code timelimit = [hard, soft]}. {@code extraHeaders} keeps headers this model does not name, so a retry
 * republishes them.
 */
public record TaskMessage(
        int protocol,
        String id,
        String task,
        List<Object> args,
        Map<String, Object> kwargs,
        List<Signature> callbacks,
        List<Signature> errbacks,
        List<Signature> chain,
        Signature chord,
        String shadow,
        OffsetDateTime eta,
        OffsetDateTime expires,
        String group,
        Integer groupIndex,
        int retries,
        Number timeLimit,
        Number softTimeLimit,
        String rootId,
        String parentId,
        String argsrepr,
        String kwargsrepr,
        String origin,
        boolean ignoreResult,
        Map<String, Object> extraHeaders,
        AmqpProperties properties) {

    public TaskMessage {
        args = JsonValues.unmodifiableCopy(args);
        kwargs = JsonValues.unmodifiableCopy(kwargs);
        callbacks = JsonValues.unmodifiableCopy(callbacks);
        errbacks = JsonValues.unmodifiableCopy(errbacks);
        chain = JsonValues.unmodifiableCopy(chain);
        extraHeaders = JsonValues.unmodifiableCopy(extraHeaders);
        if (properties == null) {
            properties = new AmqpProperties(null, null, null, null, null, null, null);
        }
    }

    /** The id Celery uses as root of the workflow: root_id, or the task's own id when absent. */
    public String effectiveRootId() {
        return rootId == null || rootId.isEmpty() ? id : rootId;
    }

    /** Where the rpc:// backend expects the result: the reply_to property, if any. */
    public String replyTo() {
        return properties.replyTo();
    }

    /** A new protocol-v2 task, like {@code app.send_task(name, args, kwargs)} with its defaults. */
    public static Builder builder(String id, String task) {
        return new Builder(id, task);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, task);
        b.args = args;
        b.kwargs = kwargs;
        b.callbacks = callbacks;
        b.errbacks = errbacks;
        b.chain = chain;
        b.chord = chord;
        b.shadow = shadow;
        b.eta = eta;
        b.expires = expires;
        b.group = group;
        b.groupIndex = groupIndex;
        b.retries = retries;
        b.timeLimit = timeLimit;
        b.softTimeLimit = softTimeLimit;
        b.rootId = rootId;
        b.parentId = parentId;
        b.argsrepr = argsrepr;
        b.kwargsrepr = kwargsrepr;
        b.origin = origin;
        b.ignoreResult = ignoreResult;
        b.extraHeaders = extraHeaders;
        b.properties = properties;
        b.protocol = protocol;
        return b;
    }

    /** Mutable assembly of a {@link TaskMessage}; unset fields get send_task's defaults. */
    public static final class Builder {
        private int protocol = 2;
        private final String id;
        private final String task;
        private List<Object> args = List.of();
        private Map<String, Object> kwargs = Map.of();
        private List<Signature> callbacks = List.of();
        private List<Signature> errbacks = List.of();
        private List<Signature> chain = List.of();
        private Signature chord;
        private String shadow;
        private OffsetDateTime eta;
        private OffsetDateTime expires;
        private String group;
        private Integer groupIndex;
        private int retries;
        private Number timeLimit;
        private Number softTimeLimit;
        private String rootId;
        private String parentId;
        private String argsrepr;
        private String kwargsrepr;
        private String origin;
        private boolean ignoreResult;
        private Map<String, Object> extraHeaders = Map.of();
        private AmqpProperties properties;

        private Builder(String id, String task) {
            this.id = id;
            this.task = task;
        }

        Builder protocol(int protocol) { this.protocol = protocol; return this; }
        public Builder args(List<Object> args) { this.args = args; return this; }
        public Builder kwargs(Map<String, Object> kwargs) { this.kwargs = kwargs; return this; }
        public Builder callbacks(List<Signature> callbacks) { this.callbacks = callbacks; return this; }
        public Builder errbacks(List<Signature> errbacks) { this.errbacks = errbacks; return this; }
        public Builder chain(List<Signature> chain) { this.chain = chain; return this; }
        public Builder chord(Signature chord) { this.chord = chord; return this; }
        public Builder shadow(String shadow) { this.shadow = shadow; return this; }
        public Builder eta(OffsetDateTime eta) { this.eta = eta; return this; }
        public Builder expires(OffsetDateTime expires) { this.expires = expires; return this; }
        public Builder group(String group) { this.group = group; return this; }
        public Builder groupIndex(Integer groupIndex) { this.groupIndex = groupIndex; return this; }
        public Builder retries(int retries) { this.retries = retries; return this; }
        public Builder timeLimit(Number timeLimit) { this.timeLimit = timeLimit; return this; }
        public Builder softTimeLimit(Number softTimeLimit) { this.softTimeLimit = softTimeLimit; return this; }
        public Builder rootId(String rootId) { this.rootId = rootId; return this; }
        public Builder parentId(String parentId) { this.parentId = parentId; return this; }
        public Builder argsrepr(String argsrepr) { this.argsrepr = argsrepr; return this; }
        public Builder kwargsrepr(String kwargsrepr) { this.kwargsrepr = kwargsrepr; return this; }
        public Builder origin(String origin) { this.origin = origin; return this; }
        public Builder ignoreResult(boolean ignoreResult) { this.ignoreResult = ignoreResult; return this; }
        public Builder extraHeaders(Map<String, Object> extraHeaders) { this.extraHeaders = extraHeaders; return this; }
        public Builder properties(AmqpProperties properties) { this.properties = properties; return this; }

        /** Adds one header this model does not name (kept in order). */
        public Builder extraHeader(String name, Object value) {
            Map<String, Object> copy = new LinkedHashMap<>(extraHeaders);
            copy.put(name, value);
            this.extraHeaders = copy;
            return this;
        }

        /** Appends a link (success callback). */
        public Builder link(Signature callback) {
            List<Signature> copy = new ArrayList<>(callbacks);
            copy.add(callback);
            this.callbacks = copy;
            return this;
        }

        public TaskMessage build() {
            return new TaskMessage(protocol, id, task, args, kwargs, callbacks, errbacks, chain, chord, shadow, eta,
                    expires, group, groupIndex, retries, timeLimit, softTimeLimit, rootId, parentId, argsrepr,
                    kwargsrepr, origin, ignoreResult, extraHeaders, properties);
        }
    }
}
