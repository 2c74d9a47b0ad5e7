package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.INVALID_SHAPE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker side of Celery's remote control (kombu/pidbox.py {@code Mailbox}, {@code Node}): reading commands from
 * the worker's queue {@code <hostname>.celery.pidbox}, bound to the {@value #EXCHANGE} fanout exchange, and
 * publishing replies {@code {"<hostname>": <payload>}} to the request's reply_to exchange and routing key with
 * headers {@code ticket} and {@code clock}. Payloads come from {@link ControlReplies}. Thread-safe.
 */
public final class RemoteControl {

    public static final String EXCHANGE = "celery.pidbox";
    /** Where replies go (direct, non-durable), routed by the asking mailbox's id. */
    public static final String REPLY_EXCHANGE = "reply.celery.pidbox";
    /** Control messages are small; a larger one is refused before parsing. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String hostname;
    private final LamportClock clock;

    public RemoteControl(String hostname, LamportClock clock) {
        this.hostname = hostname;
        this.clock = clock;
    }

    /** The queue this worker consumes commands from (auto-delete, non-durable in Celery). */
    public static String queueName(String hostname) {
        return hostname + "." + EXCHANGE;
    }

    /** Reads a command and adjusts the logical clock by its {@code clock} header. */
    public ControlRequest decode(AmqpProperties properties, Map<String, Object> headers, byte[] body)
            throws RejectedMessageException {
        if (!(JsonBody.read(properties, body, MAX_BODY_BYTES) instanceof Map<?, ?> json)) {
            throw new RejectedMessageException(INVALID_SHAPE, "control message body is not an object");
        }
        Fields f = new Fields(json, "control");
        Map<String, Object> arguments = f.object("arguments");
        Map<String, Object> replyTo = f.object("reply_to");
        Integer headerClock = new Fields(headers, "header").integer("clock");
        long adjusted = clock.adjust(headerClock == null ? 0 : headerClock);
        return new ControlRequest(f.requiredString("method"), arguments == null ? Map.of() : arguments,
                strings(f, "destination"), f.string("pattern"), f.string("matcher"), f.string("ticket"),
                replyTo == null ? null : route(new Fields(replyTo, "reply_to")), adjusted);
    }

    /** The reply to publish, or empty for a cast (no reply_to). */
    public Optional<OutgoingMessage> reply(ControlRequest request, Object payload) {
        if (request.replyTo() == null) {
            return Optional.empty();
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ticket", request.ticket());
        headers.put("clock", clock.forward());
        return Optional.of(new OutgoingMessage(request.replyTo(),
                AmqpProperties.json(null, null, 0, AmqpProperties.TRANSIENT, null), headers,
                CeleryJson.write(Collections.singletonMap(hostname, payload))));
    }

    /**
     * A command broadcast to every worker, as kombu's {@code Mailbox._publish} sends it with a reply ticket: replies
     * come to {@value #REPLY_EXCHANGE} with routing key {@code replyKey}.
     */
    public OutgoingMessage broadcast(String method, Map<String, Object> arguments, String ticket, String replyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        body.put("arguments", arguments);
        body.put("destination", null);
        body.put("pattern", null);
        body.put("matcher", null);
        body.put("ticket", ticket);
        Map<String, Object> replyTo = new LinkedHashMap<>(); // kombu's key order, for a byte-identical request
        replyTo.put("exchange", REPLY_EXCHANGE);
        replyTo.put("routing_key", replyKey);
        body.put("reply_to", replyTo);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("clock", clock.forward());
        headers.put("expires", 0);
        // kombu publishes requests persistent (replies transient)
        return new OutgoingMessage(new Route(EXCHANGE, ""),
                AmqpProperties.json(null, null, 0, AmqpProperties.PERSISTENT, null), headers, CeleryJson.write(body));
    }

    /** A reply {@code {"<hostname>": <payload>}} to a broadcast, the clock adjusted by its {@code clock} header. */
    @SuppressWarnings("unchecked") // JSON object keys are strings
    public Map<String, Object> readReply(AmqpProperties properties, Map<String, Object> headers, byte[] body)
            throws RejectedMessageException {
        if (!(JsonBody.read(properties, body, MAX_BODY_BYTES) instanceof Map<?, ?> json)) {
            throw new RejectedMessageException(INVALID_SHAPE, "control reply body is not an object");
        }
        Integer headerClock = new Fields(headers, "header").integer("clock");
        clock.adjust(headerClock == null ? 0 : headerClock);
        return (Map<String, Object>) json;
    }

    private static Route route(Fields replyTo) throws RejectedMessageException {
        return new Route(replyTo.requiredString("exchange"), replyTo.requiredString("routing_key"));
    }

    private static List<String> strings(Fields f, String name) throws RejectedMessageException {
        List<Object> values = f.list(name);
        if (values == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof String s)) {
                throw f.invalid(name, "is not a list of strings");
            }
            strings.add(s);
        }
        return strings;
    }
}
