package io.hybridmatch.celery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reply payloads of the remote-control commands monitors use, shaped as celery/worker/control.py returns them:
 * {@code ping}, {@code revoke}, {@code inspect registered}, {@code inspect active}, {@code inspect stats}.
 */
public final class ControlReplies {

    private ControlReplies() {
    }

    /** {@code ping} → {@code {"ok": "pong"}}. */
    public static Map<String, Object> pong() {
        return ok("pong");
    }

    /** {@code revoke} without terminate → {@code {"ok": "tasks <id>, <id> flagged as revoked"}}. */
    public static Map<String, Object> revoked(Collection<String> taskIds) {
        return ok("tasks " + String.join(", ", taskIds) + " flagged as revoked");
    }

    /** {@code revoke}'s task_id argument: one id or a list of ids. */
    public static List<String> revokeTaskIds(ControlRequest request) {
        return switch (request.arguments().get("task_id")) {
            case String id -> List.of(id);
            case List<?> ids -> ids.stream().map(String::valueOf).toList();
            case null, default -> List.of();
        };
    }

    /** {@code inspect registered} → task names, sorted, without Celery's built-in {@code celery.*} tasks. */
    public static List<String> registered(Collection<String> taskNames) {
        return taskNames.stream().filter(name -> !name.startsWith("celery.")).sorted().toList();
    }

    /** A task being executed, for {@code inspect active}. */
    public record ActiveTask(TaskMessage message, Route deliveredTo, boolean redelivered, Instant started,
                             boolean acknowledged, long workerPid) {
    }

    /**
     * {@code inspect active} → one {@code Request.info()} dict per task (celery/worker/request.py): args and kwargs as
     * values, or as their reprs when the request's {@code safe} argument is true.
     */
    public static List<Map<String, Object>> active(Collection<ActiveTask> tasks, String hostname, boolean safe) {
        return tasks.stream().map(task -> info(task, hostname, safe)).toList();
    }

    private static Map<String, Object> info(ActiveTask task, String hostname, boolean safe) {
        TaskMessage m = task.message();
        Map<String, Object> deliveryInfo = new LinkedHashMap<>();
        deliveryInfo.put("exchange", task.deliveredTo().exchange());
        deliveryInfo.put("routing_key", task.deliveredTo().routingKey());
        deliveryInfo.put("priority", m.properties().priority());
        deliveryInfo.put("redelivered", task.redelivered());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", m.id());
        info.put("name", m.task());
        info.put("args", safe ? PythonRepr.of(m.args(), TaskMessageEncoder.REPR_MAX_LENGTH) : m.args());
        info.put("kwargs", safe ? PythonRepr.of(m.kwargs(), TaskMessageEncoder.REPR_MAX_LENGTH) : m.kwargs());
        info.put("type", m.task());
        info.put("hostname", hostname);
        info.put("time_start", task.started().getEpochSecond() + task.started().getNano() / 1e9);
        info.put("acknowledged", task.acknowledged());
        info.put("delivery_info", deliveryInfo);
        info.put("worker_pid", task.workerPid());
        return info;
    }

    /**
     * {@code inspect stats}: the fields monitors read (Worker.stats in celery/worker/worker.py and the consumer/pool
     * blueprint infos): total tasks per name, pid, logical clock (a string, as Celery sends it), uptime in seconds,
     * pool size and processes, prefetch_count, and the broker connection info given by the caller. Celery's
     * {@code rusage} block is sent as "N/A", which is what Celery itself sends where rusage is unavailable.
     */
    public static Map<String, Object> stats(Map<String, Long> totalByTask, long pid, long clock, Duration uptime,
                                            int concurrency, int prefetchCount, Map<String, Object> broker) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("max-concurrency", concurrency);
        pool.put("processes", List.of(pid));
        pool.put("max-tasks-per-child", null);
        pool.put("put-guarded-by-semaphore", false);
        pool.put("timeouts", List.of());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total", totalByTask);
        stats.put("pid", pid);
        stats.put("clock", Long.toString(clock));
        stats.put("uptime", uptime.toSeconds());
        stats.put("pool", pool);
        stats.put("broker", broker);
        stats.put("prefetch_count", prefetchCount);
        stats.put("rusage", "N/A");
        return stats;
    }

    private static Map<String, Object> ok(String value) {
        return Map.of("ok", value);
    }
}
