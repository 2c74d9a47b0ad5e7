package io.hybridmatch.celery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redis:// result backend's writes (celery/backends/redis.py {@code set}, base.py {@code KeyValueStoreBackend}):
 * the value of {@code celery-task-meta-<task_id>} is {@code {"status", "result", "traceback", "children",
 * "date_done"[, "group_id"][, "parent_id"][, "name", "args", "kwargs", "worker", "retries", "queue"], "task_id"}}
 * in JSON. Celery stores it with {@code SETEX key ttl value} and then {@code PUBLISH key value}; the publish is what
 * wakes a Python client blocked in {@code AsyncResult.get()}, so the worker must do both. Before writing, Celery
 * reads the key and leaves a stored SUCCESS alone (base.py {@code _store_result}): that check is the worker's.
 */
public final class RedisResults {

    public static final String KEY_PREFIX = "celery-task-meta-";
    /** Celery's result_expires default. */
    public static final Duration DEFAULT_EXPIRES = Duration.ofDays(1);

    private final Duration expires;
    private final boolean extended;

    public RedisResults() {
        this(DEFAULT_EXPIRES, false);
    }

    /**
     * @param expires  the key's TTL (the Django side's result_expires); must be positive
     * @param extended Celery's {@code result_extended}: store name, args, kwargs, worker, retries and queue too
     */
    public RedisResults(Duration expires, boolean extended) {
        if (expires.isNegative() || expires.isZero()) {
            throw new IllegalArgumentException("expires must be positive: " + expires);
        }
        this.expires = expires;
        this.extended = extended;
    }

    /** One result to store: {@code SETEX key ttlSeconds value}, then {@code PUBLISH key value}. */
    public record Write(String key, byte[] value, long ttlSeconds) {
    }

    public Write write(TaskResult result) {
        return new Write(key(result.taskId()), value(result), expires.toSeconds());
    }

    public Duration expires() {
        return expires;
    }

    public static String key(String taskId) {
        return KEY_PREFIX + taskId;
    }

    /** The stored JSON, keys in Celery's order. */
    public byte[] value(TaskResult result) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("status", result.status());
        meta.put("result", result.resultJson());
        meta.put("traceback", result.traceback());
        meta.put("children", result.children());
        meta.put("date_done", result.dateDoneJson());
        ResultRequest request = result.request();
        if (request != null) {
            if (request.group() != null && !request.group().isEmpty()) {
                meta.put("group_id", request.group());
            }
            if (request.parentId() != null && !request.parentId().isEmpty()) {
                meta.put("parent_id", request.parentId());
            }
            if (extended) {
                meta.put("name", request.name());
                meta.put("args", request.args());
                meta.put("kwargs", request.kwargs());
                meta.put("worker", request.worker());
                meta.put("retries", request.retries());
                meta.put("queue", request.queue());
            }
        }
        meta.put("task_id", result.taskId());
        return CeleryJson.write(meta);
    }
}
