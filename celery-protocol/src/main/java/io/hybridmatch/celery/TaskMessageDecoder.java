package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.INVALID_SHAPE;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a delivered AMQP message into a {@link TaskMessage}, or rejects it with a precise reason. Only JSON is
 * accepted; any other content type (pickle above all, which would execute code) is refused before the body is read.
 * The protocol is recognised as Celery's worker does: a {@code task} header means v2, otherwise the body is a v1
 * object. Thread-safe.
 */
public final class TaskMessageDecoder {

    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** v2 headers that {@link TaskMessage} names; any other header is kept in {@code extraHeaders}. */
    private static final Set<String> V2_HEADERS = Set.of("lang", "task", "id", "shadow", "eta", "expires", "group",
            "group_index", "retries", "timelimit", "root_id", "parent_id", "argsrepr", "kwargsrepr", "origin",
            "ignore_result", "compression");

    /**
     * Headers RabbitMQ adds to a delivery when it dead-letters the message (an expired step of a delay queue) or counts
     * its redeliveries (quorum queues): about this delivery, not the task, so a retry built from the task must not
     * carry them (a retry still holding {@code x-death} would pass for a delayed task coming back).
     */
    private static final List<String> BROKER_HEADER_PREFIXES = List.of("x-death", "x-first-death-", "x-last-death-",
            "x-delivery-count");

    private final int maxBodyBytes;

    public TaskMessageDecoder() {
        this(DEFAULT_MAX_BODY_BYTES);
    }

    public TaskMessageDecoder(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param properties the AMQP basic properties (content type and encoding are checked; all are kept)
     * @param headers the AMQP headers table, values as the client gives them (String/CharSequence/byte[], numbers,
     *                booleans, lists); may be null
     * @param body the raw body bytes
     */
    public TaskMessage decode(AmqpProperties properties, Map<String, Object> headers, byte[] body)
            throws RejectedMessageException {
        Fields headerFields = new Fields(headers, "header");
        Object json = JsonBody.read(properties, headerFields.string("compression"), body, maxBodyBytes);
        return headerFields.raw("task") != null
                ? decodeV2(properties, headers, headerFields, json)
                : decodeV1(properties, headers, json);
    }

    private static TaskMessage decodeV2(AmqpProperties properties, Map<String, Object> headers, Fields h,
                                        Object json) throws RejectedMessageException {
        if (!(json instanceof List<?> body) || body.size() != 3) {
            throw new RejectedMessageException(INVALID_SHAPE,
                    "protocol v2 body must be [args, kwargs, embed], got " + describe(json));
        }
        Map<String, Object> named = new HashMap<>();
        named.put("args", body.get(0));
        named.put("kwargs", body.get(1));
        named.put("embed", body.get(2));
        Fields parts = new Fields(named, "body");
        List<Object> args = requireNonNull(parts, "args", parts.list("args"));
        Map<String, Object> kwargs = requireNonNull(parts, "kwargs", parts.object("kwargs"));
        Fields embed = new Fields(requireNonNull(parts, "embed", parts.object("embed")), "embed");
        TaskMessage.Builder b = TaskMessage.builder(h.requiredString("id"), h.requiredString("task"))
                .args(args)
                .kwargs(kwargs);
        readEmbed(b, embed);
        readCommonFields(b, h);
        Map<String, Object> extra = taskHeaders(headers);
        extra.keySet().removeAll(V2_HEADERS);
        return b.argsrepr(h.string("argsrepr"))
                .kwargsrepr(h.string("kwargsrepr"))
                .ignoreResult(h.bool("ignore_result"))
                .extraHeaders(extra)
                .properties(properties)
                .build();
    }

    /** v1: everything in one body object (celery/app/amqp.py as_task_v1), mapped like proto1_to_proto2. */
    private static TaskMessage decodeV1(AmqpProperties properties, Map<String, Object> headers, Object json)
            throws RejectedMessageException {
        if (!(json instanceof Map<?, ?> map)) {
            throw new RejectedMessageException(INVALID_SHAPE,
                    "no 'task' header (protocol v2) and the body is not a protocol v1 object, got " + describe(json));
        }
        Fields body = new Fields(map, "v1 body");
        List<Object> args = body.list("args");
        Map<String, Object> kwargs = body.object("kwargs");
        TaskMessage.Builder b = TaskMessage.builder(body.requiredString("id"), body.requiredString("task"))
                .protocol(1)
                .args(args == null ? List.of() : args)
                .kwargs(kwargs == null ? Map.of() : kwargs);
        readEmbed(b, body);
        readCommonFields(b, body);
        if (map.containsKey("taskset")) {
            b.group(body.string("taskset"));
        }
        Map<String, Object> extra = taskHeaders(headers == null ? Map.of() : headers);
        extra.remove("compression");
        return b.extraHeaders(extra).properties(properties).build();
    }

    /** The message's headers without the broker's own ({@link #BROKER_HEADER_PREFIXES}). */
    private static Map<String, Object> taskHeaders(Map<String, Object> headers) {
        Map<String, Object> task = new LinkedHashMap<>(headers);
        task.keySet().removeIf(name -> BROKER_HEADER_PREFIXES.stream().anyMatch(name::startsWith));
        return task;
    }

    private static void readEmbed(TaskMessage.Builder b, Fields embed) throws RejectedMessageException {
        Object chord = embed.raw("chord");
        b.callbacks(Signature.listFromJson(embed.raw("callbacks"), "callbacks"))
                .errbacks(Signature.listFromJson(embed.raw("errbacks"), "errbacks"))
                .chain(Signature.listFromJson(embed.raw("chain"), "chain"))
                .chord(chord == null ? null : Signature.fromJson(chord, "chord"));
    }

    /** The fields v2 carries in headers and v1 in the body, under the same names. */
    private static void readCommonFields(TaskMessage.Builder b, Fields f) throws RejectedMessageException {
        Integer retries = f.integer("retries");
        List<Object> timelimit = f.list("timelimit");
        if (timelimit != null && (timelimit.size() != 2 || !timelimit.stream().allMatch(Fields::isNumberOrNull))) {
            throw f.invalid("timelimit", "is not [hard, soft] seconds");
        }
        b.shadow(f.string("shadow"))
                .eta(f.time("eta"))
                .expires(f.time("expires"))
                .group(f.string("group"))
                .groupIndex(f.integer("group_index"))
                .retries(retries == null ? 0 : retries)
                .timeLimit(timelimit == null ? null : (Number) timelimit.get(0))
                .softTimeLimit(timelimit == null ? null : (Number) timelimit.get(1))
                .rootId(f.string("root_id"))
                .parentId(f.string("parent_id"))
                .origin(f.string("origin"));
    }

    private static <T> T requireNonNull(Fields fields, String name, T value) throws RejectedMessageException {
        if (value == null) {
            throw fields.invalid(name, "is null");
        }
        return value;
    }

    private static String describe(Object json) {
        return switch (json) {
            case null -> "null";
            case List<?> list -> "a list of " + list.size();
            case Map<?, ?> map -> "an object";
            default -> "a " + json.getClass().getSimpleName();
        };
    }
}
