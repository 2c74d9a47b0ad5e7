package io.hybridmatch.celery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a worker reports about one task, before it is shaped for a result backend. {@code result} is the JSON-ready
 * return value, the {@code {"pid", "hostname"}} of STARTED, or a {@link PythonException} for FAILURE, RETRY and
 * REVOKED. {@code dateDone} is set only for ready states (SUCCESS, FAILURE, REVOKED), as in
 * celery/backends/base.py {@code _get_result_meta}. {@code children} is always [] from this worker: it does not
 * track sub-results of the tasks it runs.
 */
public record TaskResult(String taskId, TaskState state, Object result, String traceback, Instant dateDone) {

    public TaskResult {
        if (state.isReady() != (dateDone != null)) {
            throw new IllegalArgumentException("date_done must be set exactly for ready states, state " + state);
        }
    }

    public static TaskResult started(String taskId, long pid, String hostname) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", pid);
        info.put("hostname", hostname);
        return new TaskResult(taskId, TaskState.STARTED, info, null, null);
    }

    public static TaskResult success(String taskId, Object value, Instant done) {
        return new TaskResult(taskId, TaskState.SUCCESS, value, null, done);
    }

    public static TaskResult failure(String taskId, PythonException error, String traceback, Instant done) {
        return new TaskResult(taskId, TaskState.FAILURE, error, traceback, done);
    }

    public static TaskResult retry(String taskId, PythonException error, String traceback) {
        return new TaskResult(taskId, TaskState.RETRY, error, traceback, null);
    }

    public static TaskResult revoked(String taskId, String reason, Instant done) {
        return new TaskResult(taskId, TaskState.REVOKED, PythonException.taskRevoked(reason), null, done);
    }

    /** The stored {@code result} value: exceptions in their {@code exc_type/exc_message/exc_module} form. */
    Object resultJson() {
        return result instanceof PythonException e ? e.toJson() : result;
    }

    /** {@code date_done} as Celery 5.2 writes it: {@code datetime.utcnow().isoformat()}, naive, or null. */
    String dateDoneJson() {
        return dateDone == null ? null : CeleryTimes.isoformatNaive(LocalDateTime.ofInstant(dateDone, ZoneOffset.UTC));
    }
}
