package io.hybridmatch.celery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task and worker events as a Celery worker started with {@code -E} publishes them (celery/events/dispatcher.py,
 * event.py; fields from celery/worker/strategy.py, request.py, heartbeat.py), for Flower and {@code celery events}.
 * Each event goes to the {@value #EXCHANGE} topic exchange with routing key = type with '-' replaced by '.', a
 * {@code hostname} header, transient. Body: {@code hostname, utcoffset, pid, clock}, the event's fields, then
 * {@code timestamp} (epoch seconds) and {@code type}. A Python worker may batch task events into one
 * {@code task.multi} message holding a list; monitors accept single events as well, which is what this class writes.
 * Thread-safe.
 */
public final class EventMessages {

    public static final String EXCHANGE = "celeryev";

    private final String hostname;
    private final long pid;
    private final String swIdent;
    private final String swVersion;
    private final LamportClock clock;
    private final Clock wallClock;

    /**
     * @param hostname the worker's node name, e.g. {@code java@host}, as in its pidbox queue
     * @param swIdent  software name shown by monitors (Celery sends "py-celery")
     * @param clock    the worker's logical clock, shared with remote control
     * @param wallClock time source; its zone gives {@code utcoffset}
     */
    public EventMessages(String hostname, long pid, String swIdent, String swVersion, LamportClock clock,
                         Clock wallClock) {
        this.hostname = hostname;
        this.pid = pid;
        this.swIdent = swIdent;
        this.swVersion = swVersion;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    /** Worker state carried by worker-online/heartbeat/offline. */
    public record WorkerStatus(Duration heartbeatInterval, int active, long processed, List<Double> loadavg) {
    }

    public OutgoingMessage taskReceived(TaskMessage m) {
        Map<String, Object> f = fields(m.id());
        f.put("name", m.task());
        f.put("args", m.argsrepr() != null ? m.argsrepr()
                : PythonRepr.of(m.args(), TaskMessageEncoder.REPR_MAX_LENGTH));
        f.put("kwargs", m.kwargsrepr() != null ? m.kwargsrepr()
                : PythonRepr.of(m.kwargs(), TaskMessageEncoder.REPR_MAX_LENGTH));
        f.put("root_id", m.rootId());
        f.put("parent_id", m.parentId());
        f.put("retries", m.retries());
        f.put("eta", m.eta() == null ? null : CeleryTimes.isoformat(m.eta()));
        f.put("expires", m.expires() == null ? null : CeleryTimes.isoformat(m.expires()));
        return event("task-received", f);
    }

    public OutgoingMessage taskStarted(String taskId) {
        return event("task-started", fields(taskId));
    }

    /** {@code result} is shown as its Python repr, cut at Celery's resultrepr_maxsize (1024). */
    public OutgoingMessage taskSucceeded(String taskId, Object result, Duration runtime) {
        Map<String, Object> f = fields(taskId);
        f.put("result", PythonRepr.of(result, TaskMessageEncoder.REPR_MAX_LENGTH));
        f.put("runtime", runtime.toNanos() / 1e9);
        return event("task-succeeded", f);
    }

    public OutgoingMessage taskFailed(String taskId, PythonException error, String traceback) {
        return event("task-failed", failure(taskId, error, traceback));
    }

    /** {@code reason} null: retried without an exception ({@code exception} is then "None", as Celery sends it). */
    public OutgoingMessage taskRetried(String taskId, PythonException reason, String traceback) {
        return event("task-retried", failure(taskId, reason, traceback));
    }

    /**
     * {@code task-revoked} (Request._announce_revoked): {@code terminated} when a running task was stopped by
     * {@code revoke(terminate=True)}, with the signal number asked for ({@code signum}, null otherwise), {@code expired}
     * when it was discarded because its expires had passed.
     */
    public OutgoingMessage taskRevoked(String taskId, boolean terminated, Integer signum, boolean expired) {
        Map<String, Object> f = fields(taskId);
        f.put("terminated", terminated);
        f.put("signum", signum);
        f.put("expired", expired);
        return event("task-revoked", f);
    }

    /**
     * The {@code task-failed} Celery's consumer sends for a task it does not know (consumer.py on_unknown_task): the
     * id and {@code exception="NotRegistered('<name>')"} only.
     */
    public OutgoingMessage taskNotRegistered(String taskId, String taskName) {
        Map<String, Object> f = fields(taskId);
        f.put("exception", "NotRegistered(" + PythonRepr.of(taskName) + ")");
        return event("task-failed", f);
    }

    public OutgoingMessage workerOnline(WorkerStatus status) {
        return event("worker-online", worker(status));
    }

    public OutgoingMessage workerHeartbeat(WorkerStatus status) {
        return event("worker-heartbeat", worker(status));
    }

    /**
     * The heartbeat the remote {@code heartbeat} command asks for: Celery sends it with {@code freq=5} and the
     * software fields only (celery/worker/control.py), not the worker's load.
     */
    public OutgoingMessage workerHeartbeatRequested() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("freq", 5);
        software(f);
        return event("worker-heartbeat", f);
    }

    public OutgoingMessage workerOffline(WorkerStatus status) {
        return event("worker-offline", worker(status));
    }

    private static Map<String, Object> fields(String taskId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("uuid", taskId);
        return f;
    }

    private static Map<String, Object> failure(String taskId, PythonException error, String traceback) {
        Map<String, Object> f = fields(taskId);
        f.put("exception", error == null ? "None" : error.repr()); // safe_repr(None): a retry without exc
        f.put("traceback", traceback);
        return f;
    }

    private Map<String, Object> worker(WorkerStatus status) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("freq", status.heartbeatInterval().toMillis() / 1000.0);
        f.put("active", status.active());
        f.put("processed", status.processed());
        f.put("loadavg", status.loadavg());
        software(f);
        return f;
    }

    private void software(Map<String, Object> f) {
        f.put("sw_ident", swIdent);
        f.put("sw_ver", swVersion);
        f.put("sw_sys", System.getProperty("os.name"));
    }

    private OutgoingMessage event(String type, Map<String, Object> fields) {
        Instant now = wallClock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hostname", hostname);
        body.put("utcoffset", utcoffset(now));
        body.put("pid", pid);
        body.put("clock", clock.forward());
        body.putAll(fields);
        body.put("timestamp", CeleryTimes.epochSeconds(now));
        body.put("type", type);
        AmqpProperties properties = AmqpProperties.json(null, null, 0, AmqpProperties.TRANSIENT, null);
        return new OutgoingMessage(new Route(EXCHANGE, type.replace('-', '.')), properties,
                Map.of("hostname", hostname), CeleryJson.write(body));
    }

    /** celery.utils.time.utcoffset(): hours west of UTC, floored (so UTC+1 is -1). */
    private int utcoffset(Instant now) {
        int east = wallClock.getZone().getRules().getOffset(now).getTotalSeconds();
        return Math.floorDiv(-east, 3600);
    }
}
