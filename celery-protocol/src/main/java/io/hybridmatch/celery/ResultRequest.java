package io.hybridmatch.celery;

import java.util.List;
import java.util.Map;

/**
 * The request a result is stored for, as far as the stored meta shows it (celery/backends/base.py
 * {@code _get_result_meta}): {@code group_id} and {@code parent_id} when set, and with {@code result_extended} the
 * task's name, args, kwargs, worker, retries and queue (the routing key it was delivered with).
 */
public record ResultRequest(String group, String parentId, String name, List<Object> args, Map<String, Object> kwargs,
                            String worker, Integer retries, String queue) {

    public ResultRequest {
        args = args == null ? null : JsonValues.unmodifiableCopy(args);
        kwargs = kwargs == null ? null : JsonValues.unmodifiableCopy(kwargs);
    }

    /** A task this worker received from {@code queue}. */
    public static ResultRequest of(TaskMessage task, String worker, String queue) {
        return new ResultRequest(task.group(), task.parentId(), task.task(), task.args(), task.kwargs(), worker,
                task.retries(), queue);
    }

    /**
     * A chain step that will not run because an earlier step failed (base.py {@code mark_as_failure} builds its
     * Context from the signature: no worker, no queue, retries 0).
     */
    static ResultRequest chainStep(Signature step) throws RejectedMessageException {
        Fields options = new Fields(step.options(), "option");
        return new ResultRequest(options.string("group_id"), options.string("parent_id"), step.task(), step.args(),
                step.kwargs(), null, 0, null);
    }
}
