package io.hybridmatch.celery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TaskMessage} as a protocol v2 message, laid out as celery/app/amqp.py {@code as_task_v2} and kombu
 * publish it: headers in Celery's order (unnamed extra headers after them), body {@code [args, kwargs, embed]} in
 * Python's JSON layout, properties {@code application/json}/{@code utf-8}. Thread-safe.
 */
public final class TaskMessageEncoder {

    /** Celery's argsrepr_maxsize / kwargsrepr_maxsize default. */
    static final int REPR_MAX_LENGTH = 1024;

    private final Clock clock;
    private final String defaultOrigin;
    private final Compression compression;

    /**
     * @param clock used to turn {@code expires} into the AMQP per-message TTL, as {@code app.send_task} does
     * @param defaultOrigin the {@code origin} header when the message has none (Celery writes its node name)
     */
    public TaskMessageEncoder(Clock clock, String defaultOrigin) {
        this(clock, defaultOrigin, null);
    }

    /**
     * @param compression how bodies are compressed, or null for none. Celery 5.2's publisher compresses task
     *                    messages with the {@code result_compression} setting (celery/app/amqp.py
     *                    {@code send_task_message}), so a worker configured like the Django app does the same
     */
    public TaskMessageEncoder(Clock clock, String defaultOrigin, Compression compression) {
        this.clock = clock;
        this.defaultOrigin = defaultOrigin;
        this.compression = compression;
    }

    public OutgoingMessage encode(TaskMessage message, Route route) {
        Map<String, Object> headers = headers(message);
        byte[] body = body(message);
        if (compression != null) {
            // kombu's Producer._prepare: the header comes after the message's own
            headers.put("compression", compression.contentType());
            body = compression.compress(body);
        }
        return new OutgoingMessage(route, properties(message), headers, body);
    }

    private Map<String, Object> headers(TaskMessage m) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("lang", "py");
        h.put("task", m.task());
        h.put("id", m.id());
        h.put("shadow", m.shadow());
        h.put("eta", m.eta() == null ? null : CeleryTimes.isoformat(m.eta()));
        h.put("expires", m.expires() == null ? null : CeleryTimes.isoformat(m.expires()));
        h.put("group", m.group());
        h.put("group_index", m.groupIndex());
        h.put("retries", m.retries());
        h.put("timelimit", Arrays.asList(m.timeLimit(), m.softTimeLimit()));
        h.put("root_id", m.effectiveRootId());
        h.put("parent_id", m.parentId());
        h.put("argsrepr", m.argsrepr() != null ? m.argsrepr() : PythonRepr.of(m.args(), REPR_MAX_LENGTH));
        h.put("kwargsrepr", m.kwargsrepr() != null ? m.kwargsrepr() : PythonRepr.of(m.kwargs(), REPR_MAX_LENGTH));
        h.put("origin", m.origin() != null ? m.origin() : defaultOrigin);
        h.put("ignore_result", m.ignoreResult());
        m.extraHeaders().forEach(h::putIfAbsent);
        return h;
    }

    private AmqpProperties properties(TaskMessage m) {
        AmqpProperties p = m.properties();
        return AmqpProperties.json(
                m.id(),
                p.replyTo() == null ? "" : p.replyTo(),
                p.priority() == null ? 0 : p.priority(),
                p.deliveryMode() == null ? AmqpProperties.PERSISTENT : p.deliveryMode(),
                expiration(m.expires()));
    }

    /** app.send_task sets the AMQP TTL to the seconds left until {@code expires}, never below zero. */
    private String expiration(OffsetDateTime expires) {
        if (expires == null) {
            return null;
        }
        long millis = Duration.between(clock.instant(), expires.toInstant()).toMillis();
        return Long.toString(Math.max(0, millis));
    }

    private static byte[] body(TaskMessage m) {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("callbacks", signatures(m.callbacks()));
        embed.put("errbacks", signatures(m.errbacks()));
        embed.put("chain", signatures(m.chain()));
        embed.put("chord", m.chord() == null ? null : m.chord().toJson());
        return CeleryJson.write(List.of(m.args(), m.kwargs(), embed));
    }

    /** Celery writes null, not [], when there are none. */
    private static List<Map<String, Object>> signatures(List<Signature> signatures) {
        return signatures.isEmpty() ? null : signatures.stream().map(Signature::toJson).toList();
    }
}
