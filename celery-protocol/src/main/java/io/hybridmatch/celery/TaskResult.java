package io.hybridmatch.celery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a worker reports about one task, before it is shaped for a result backend (celery/backends/base.py
 * {@code _get_result_meta}). {@code status} is one of {@link TaskState} or a custom state set by
 * {@code update_state} (e.g. PROGRESS). {@code result} is the JSON-ready return value, the {@code {"pid", "hostname"}}
 * of STARTED, the meta of a custom state, or a {@link PythonException} for FAILURE, RETRY and REVOKED.
 * {@code dateDone} is set exactly for ready states (SUCCESS, FAILURE, REVOKED). {@code children} are the results
 * of the follow-up messages the task sent, in {@link ChildResults} form. {@code request} describes the request the
 * meta was stored for (group, parent, the result_extended fields); null when unknown.
 */
public record TaskResult(String taskId, String status, Object result, String traceback, Instant dateDone,
                         List<Object> children, ResultRequest request) {

    public TaskResult {
        Objects.requireNonNull(status, "status");
        if (TaskState.isReady(status) != (dateDone != null)) {
            throw new IllegalArgumentException("date_done must be set exactly for ready states, state " + status);
        }
        children = JsonValues.unmodifiableCopy(children);
    }

    public static TaskResult started(String taskId, long pid, String hostname) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", pid);
        info.put("hostname", hostname);
        return of(taskId, TaskState.STARTED, info, null, null);
    }

    public static TaskResult success(String taskId, Object value, Instant done) {
        return of(taskId, TaskState.SUCCESS, value, null, done);
    }

    public static TaskResult failure(String taskId, PythonException error, String traceback, Instant done) {
        return of(taskId, TaskState.FAILURE, error, traceback, done);
    }

    /** {@code error} null: retried without an exception, stored as Celery does (result None). */
    public static TaskResult retry(String taskId, PythonException error, String traceback) {
        return of(taskId, TaskState.RETRY, error, traceback, null);
    }

    public static TaskResult revoked(String taskId, String reason, Instant done) {
        return of(taskId, TaskState.REVOKED, PythonException.taskRevoked(reason), null, done);
    }

    /**
     * A state of the task's own choosing, as {@code Task.update_state(state=..., meta=...)} stores it: no date_done,
     * {@code meta} as the result (celery-progress reads {@code {"current", "total"}} of PROGRESS there).
     */
    public static TaskResult custom(String taskId, String status, Map<String, Object> meta) {
        if (status == null || status.isBlank() || TaskState.isReady(status)) {
            throw new IllegalArgumentException("a custom state must be a name other than SUCCESS, FAILURE and REVOKED: "
                    + status);
        }
        return new TaskResult(taskId, status, meta, null, null, List.of(), null);
    }

    private static TaskResult of(String taskId, TaskState state, Object result, String traceback, Instant done) {
        return new TaskResult(taskId, state.name(), result, traceback, done, List.of(), null);
    }

    /** The same result, listing the results of the messages the task sent (Celery's {@code children}). */
    public TaskResult withChildren(List<Object> children) {
        return new TaskResult(taskId, status, result, traceback, dateDone, children, request);
    }

    /** The same result, stored for this request (group_id, parent_id and result_extended fields come from it). */
    public TaskResult withRequest(ResultRequest request) {
        return new TaskResult(taskId, status, result, traceback, dateDone, children, request);
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
