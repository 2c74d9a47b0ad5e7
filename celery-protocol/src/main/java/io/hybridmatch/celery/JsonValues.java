package io.hybridmatch.celery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of decoded JSON containers. JSON holds nulls, which {@code List.copyOf}/{@code Map.copyOf} refuse. */
final class JsonValues {

    private JsonValues() {
    }

    static <V> Map<String, V> unmodifiableCopy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <E> List<E> unmodifiableCopy(List<E> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
