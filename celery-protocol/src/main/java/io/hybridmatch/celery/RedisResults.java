package io.hybridmatch.celery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redis:// result backend's writes (celery/backends/redis.py {@code set}, base.py {@code KeyValueStoreBackend}):
 * the value of {@code celery-task-meta-<task_id>} is
 * {@code {"status", "result", "traceback", "children", "date_done", "task_id"}} in JSON. Celery stores it with
 * {@code SETEX key ttl value} and then {@code PUBLISH key value}; the publish is what wakes a Python client blocked in
 * {@code AsyncResult.get()}, so the worker must do both.
 */
public final class RedisResults {

    public static final String KEY_PREFIX = "celery-task-meta-";
    /** Celery's result_expires default. */
    public static final Duration DEFAULT_EXPIRES = Duration.ofDays(1);

    private final Duration expires;

    public RedisResults() {
        this(DEFAULT_EXPIRES);
    }

    /** @param expires the key's TTL (the Django side's result_expires); must be positive */
    public RedisResults(Duration expires) {
        if (expires.isNegative() || expires.isZero()) {
            throw new IllegalArgumentException("expires must be positive: " + expires);
        }
        this.expires = expires;
    }

    /** One result to store: {@code SETEX key ttlSeconds value}, then {@code PUBLISH key value}. */
    public record Write(String key, byte[] value, long ttlSeconds) {
    }

    public Write write(TaskResult result) {
        return new Write(key(result.taskId()), value(result), expires.toSeconds());
    }

    public static String key(String taskId) {
        return KEY_PREFIX + taskId;
    }

    /** The stored JSON, keys in Celery's order. */
    public static byte[] value(TaskResult result) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("status", result.state().name());
        meta.put("result", result.resultJson());
        meta.put("traceback", result.traceback());
        meta.put("children", List.of());
        meta.put("date_done", result.dateDoneJson());
        meta.put("task_id", result.taskId());
        return CeleryJson.write(meta);
    }
}
