package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.INVALID_SHAPE;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a decoded JSON object or an AMQP headers table, each failing with an INVALID_SHAPE rejection that
 * names the field. Header strings may arrive as any CharSequence or as UTF-8 bytes depending on the AMQP client.
 */
final class Fields {

    private final Map<?, ?> source;
    private final String where;

    Fields(Map<?, ?> source, String where) {
        this.source = source == null ? Map.of() : source;
        this.where = where;
    }

    Object raw(String name) {
        return source.get(name);
    }

    String requiredString(String name) throws RejectedMessageException {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw invalid(name, "is missing");
        }
        return value;
    }

    String string(String name) throws RejectedMessageException {
        Object value = source.get(name);
        return switch (value) {
            case null -> null;
            case CharSequence text -> text.toString();
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> throw invalid(name, "is not a string");
        };
    }

    Integer integer(String name) throws RejectedMessageException {
        Object value = source.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (n == (int) n) {
                return (int) n;
            }
        }
        throw invalid(name, "is not an integer");
    }

    boolean bool(String name) throws RejectedMessageException {
        Object value = source.get(name);
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            default -> throw invalid(name, "is not a boolean");
        };
    }

    OffsetDateTime time(String name) throws RejectedMessageException {
        String text = string(name);
        try {
            return text == null ? null : CeleryTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(name, "is not an ISO-8601 timestamp: " + abbreviate(text));
        }
    }

    List<Object> list(String name) throws RejectedMessageException {
        Object value = source.get(name);
        return switch (value) {
            case null -> null;
            case List<?> list -> new ArrayList<>(list);
            default -> throw invalid(name, "is not a list");
        };
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) throws RejectedMessageException {
        Object value = source.get(name);
        return switch (value) {
            case null -> null;
            case Map<?, ?> map when map.keySet().stream().allMatch(String.class::isInstance) ->
                    (Map<String, Object>) map;
            default -> throw invalid(name, "is not an object");
        };
    }

    /** A JSON number or null, e.g. one half of timelimit. */
    static boolean isNumberOrNull(Object value) {
        return value == null || value instanceof Number;
    }

    RejectedMessageException invalid(String name, String problem) {
        return new RejectedMessageException(INVALID_SHAPE, where + " '" + name + "' " + problem);
    }

    /** Wire text for a log line: at most 64 characters, control characters replaced (no log injection). */
    static String abbreviate(String text) {
        String shown = text.length() <= 64 ? text : text.substring(0, 64) + "...";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
