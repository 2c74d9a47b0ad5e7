package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.AmqpProperties;
import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides what happens to a delivered message, without side effects, in Celery's order: unreadable → dead letter;
 * revoked or expired → REVOKED; unknown task or arguments that do not bind → FAILURE and dead letter; future eta →
 * park; otherwise run.
 */
public final class TaskAdmission {

    private final TaskMessageDecoder decoder;
    private final Map<String, CeleryTaskHandler> handlers;
    private final Predicate<String> revoked;
    private final Clock clock;

    public TaskAdmission(TaskMessageDecoder decoder, Map<String, CeleryTaskHandler> handlers, Predicate<String> revoked,
                         Clock clock) {
        this.decoder = decoder;
        this.handlers = Map.copyOf(handlers);
        this.revoked = revoked;
        this.clock = clock;
    }

    public Admission admit(AmqpProperties properties, Map<String, Object> headers, byte[] body) {
        TaskMessage task;
        try {
            task = decoder.decode(properties, headers, body);
        } catch (RejectedMessageException e) {
            return new Admission.Reject(null, e.reason().name(), e.getMessage(), null);
        }
        Instant now = clock.instant();
        if (revoked.test(task.id())) {
            return new Admission.Revoke(task, "revoked");
        }
        if (task.expires() != null && task.expires().toInstant().isBefore(now)) {
            return new Admission.Revoke(task, "expired");
        }
        CeleryTaskHandler handler = handlers.get(task.task());
        if (handler == null) {
            return new Admission.Reject(task, "UNKNOWN_TASK", "Received unregistered task of type '" + task.task() + "'",
                    new PythonException("NotRegistered", "celery.exceptions", List.of(task.task())));
        }
        Map<String, Object> arguments;
        try {
            arguments = handler.parameters().bind(shortName(task.task()), task.args(), task.kwargs());
        } catch (TaskParameters.TaskArgumentsException e) {
            return new Admission.Reject(task, "INVALID_ARGUMENTS", e.getMessage(),
                    new PythonException("TypeError", PythonException.BUILTINS, List.of(e.getMessage())));
        }
        Admission.Run run = new Admission.Run(task, handler, arguments);
        if (task.eta() != null) {
            Duration remaining = Duration.between(now, task.eta().toInstant());
            if (remaining.isPositive()) {
                return new Admission.Park(run, remaining);
            }
        }
        return run;
    }

    /** The Python function's name Celery's TypeError texts use: the task name's last part. */
    static String shortName(String task) {
        return task.substring(task.lastIndexOf('.') + 1);
    }
}
