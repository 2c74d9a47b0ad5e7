package io.hybridmatch.normalization;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed reading of a record this module wrote, as JSON gives it back (numbers of any width, lists, ISO times). */
record StoredRecord(Map<String, ?> fields) {

    String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    long id(String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stored record without " + name);
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    Integer integer(String name) {
        Object value = fields.get(name);
        return value == null ? null : value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }

    boolean bool(String name) {
        Object value = fields.get(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    List<String> strings(String name) {
        Object value = fields.get(name);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    Instant time(String name) {
        String value = text(name);
        return value == null ? null : Instant.parse(value);
    }

    <E extends Enum<E>> E code(String name, Class<E> type) {
        String value = text(name);
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
