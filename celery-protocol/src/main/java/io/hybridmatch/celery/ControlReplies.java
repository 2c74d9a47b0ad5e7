package io.hybridmatch.celery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Reply payloads of the remote-control commands, shaped as celery/worker/control.py returns them (checked against a
 * Celery 5.2.6 worker): the inspect commands Flower polls and the control commands' {@code {"ok": ...}} /
 * {@code {"error": ...}} texts.
 */
public final class ControlReplies {

    /** Celery's timer priority for eta entries, shown by {@code inspect scheduled}. */
    private static final int ETA_TIMER_PRIORITY = 6;

    private ControlReplies() {
    }

    /** {@code ping} → {@code {"ok": "pong"}}. */
    public static Map<String, Object> pong() {
        return ok("pong");
    }

    public static Map<String, Object> ok(String value) {
        return Map.of("ok", value);
    }

    public static Map<String, Object> error(String value) {
        return Map.of("error", value);
    }

    /**
     * What kombu's pidbox answers when a command raises: {@code {"error": repr(exc)}}, e.g. {@code KeyError('nosuch')}
     * for an unknown command.
     */
    public static Map<String, Object> raised(String pythonType, String message) {
        return error(pythonType + "(" + PythonRepr.of(message) + ")");
    }

    /** {@code revoke} without terminate → {@code {"ok": "tasks <id>, <id> flagged as revoked"}}. */
    public static Map<String, Object> revoked(Collection<String> taskIds) {
        return ok("tasks " + String.join(", ", taskIds) + " flagged as revoked");
    }

    /** {@code revoke} with terminate: the ids of the running tasks that were terminated. */
    public static Map<String, Object> terminated(Collection<String> taskIds) {
        return ok(taskIds.isEmpty() ? "terminate: tasks unknown" : "terminate: " + String.join(", ", taskIds));
    }

    /** A task-id argument ({@code revoke}'s task_id, {@code query_task}'s ids): one id or a list (Celery's maybe_list). */
    public static List<String> taskIds(Object argument) {
        return switch (argument) {
            case String id -> List.of(id);
            case List<?> ids -> ids.stream().map(String::valueOf).distinct().toList();
            case null, default -> List.of();
        };
    }

    /**
     * {@code inspect registered} → task names, sorted, without Celery's built-in {@code celery.*} tasks; a task with
     * a rate limit reads {@code "name [rate_limit=10/m]"}, as Celery lists the set attributes.
     */
    public static List<String> registered(Collection<String> taskNames, Map<String, String> rateLimits) {
        return taskNames.stream().filter(name -> !name.startsWith("celery.")).sorted()
                .map(name -> rateLimits.containsKey(name) ? name + " [rate_limit=" + rateLimits.get(name) + "]" : name)
                .toList();
    }

    /**
     * A task this worker holds: running ({@code started} set) or admitted and waiting ({@code started} null, as
     * Celery's reserved and scheduled requests).
     */
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

    /** {@code inspect scheduled} → {@code {"eta", "priority", "request"}} per task waiting for its eta. */
    public static List<Map<String, Object>> scheduled(Collection<ActiveTask> tasks, String hostname) {
        return tasks.stream().map(task -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("eta", task.message().eta() == null ? null : CeleryTimes.isoformat(task.message().eta()));
            entry.put("priority", ETA_TIMER_PRIORITY);
            entry.put("request", info(task, hostname, false));
            return entry;
        }).toList();
    }

    /** {@code inspect query_task} → {@code {id: [state, info]}} for the held tasks asked for: "active" or "reserved". */
    public static Map<String, Object> queryTask(Collection<ActiveTask> tasks, String hostname) {
        Map<String, Object> found = new LinkedHashMap<>();
        for (ActiveTask task : tasks) {
            found.put(task.message().id(), List.of(task.started() != null ? "active" : "reserved",
                    info(task, hostname, false)));
        }
        return found;
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
        info.put("time_start", task.started() == null ? null : CeleryTimes.epochSeconds(task.started()));
        info.put("acknowledged", task.acknowledged());
        info.put("delivery_info", deliveryInfo);
        info.put("worker_pid", task.started() == null ? null : task.workerPid());
        return info;
    }

    /** {@code inspect clock} → {@code {"clock": <value>}}. */
    public static Map<String, Object> clock(long value) {
        return Map.of("clock", value);
    }

    /**
     * {@code hello} (mingle's sync request from another worker) → {@code {"revoked": {id: [monotonic time, id]},
     * "clock": <forwarded clock>}}: the revoked ids as Celery's LimitedSet serialises its heap entries, which the
     * asking worker merges into its own revoked set.
     */
    public static Map<String, Object> hello(SequencedMap<String, Double> revokedAt, long clock) {
        Map<String, Object> revoked = new LinkedHashMap<>();
        revokedAt.forEach((id, at) -> revoked.put(id, List.of(at, id)));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("revoked", revoked);
        reply.put("clock", clock);
        return reply;
    }

    /** {@code inspect active_queues} → kombu's {@code Queue.as_dict(recurse=True)} per consumed queue. */
    public static List<Map<String, Object>> activeQueues(Collection<KombuQueue> queues) {
        return queues.stream().map(KombuQueue::asDict).toList();
    }

    /**
     * {@code inspect report} → {@code {"ok": <bug report text>}} in the layout of Celery's {@code app.bugreport()}:
     * software, platform, settings header, then one {@code key: repr(value)} line per setting.
     */
    public static Map<String, Object> report(String software, String platform, String transport, String results,
                                             Map<String, Object> conf) {
        StringBuilder text = new StringBuilder("\nsoftware -> ").append(software)
                .append("\nplatform -> ").append(platform)
                .append("\nsettings -> transport:").append(transport).append(" results:").append(results)
                .append("\n\n");
        conf.forEach((key, value) -> text.append(key).append(": ").append(PythonRepr.of(value)).append('\n'));
        return ok(text.toString());
    }

    /** The worker's execution pool as {@code inspect stats} shows it. */
    public record Pool(int maxConcurrency, int threads) {
    }

    /**
     * {@code inspect stats}: Worker.stats in celery/worker/worker.py with the consumer blueprint infos: total tasks per
     * name, pid, logical clock (a string, as Celery sends it), uptime in seconds, the pool as Celery's thread pool
     * ({@code -P threads}, which is what this worker is) describes itself, the broker connection info given by the
     * caller, prefetch_count and {@code rusage} (getrusage's fields, or "N/A" as Celery sends where unavailable).
     */
    public static Map<String, Object> stats(Map<String, Long> totalByTask, long pid, long clock, Duration uptime,
                                            Pool pool, int prefetchCount, Map<String, Object> broker, Object rusage) {
        Map<String, Object> poolInfo = new LinkedHashMap<>();
        poolInfo.put("max-concurrency", pool.maxConcurrency());
        poolInfo.put("threads", pool.threads());
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total", totalByTask);
        stats.put("pid", pid);
        stats.put("clock", Long.toString(clock));
        stats.put("uptime", uptime.toSeconds());
        stats.put("pool", poolInfo);
        stats.put("broker", broker);
        stats.put("prefetch_count", prefetchCount);
        stats.put("rusage", rusage);
        return stats;
    }
}
