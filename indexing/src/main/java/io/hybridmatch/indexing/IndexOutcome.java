package io.hybridmatch.indexing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one index or delete did, returned to Celery as the task result.
 *
 * @param status  {@code indexed}, {@code deleted}; {@code stale} when Elasticsearch already holds a newer version
 *                (an older update processed after a newer one changes nothing)
 * @param version the document version: its {@code updated_at} (or deletion time) in epoch milliseconds
 */
public record IndexOutcome(String index, long id, String status, long version) {

    public static final String INDEXED = "indexed";
    public static final String DELETED = "deleted";
    public static final String STALE = "stale";

    public Map<String, Object> toResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("id", id);
        result.put("status", status);
        result.put("version", version);
        return result;
    }
}
