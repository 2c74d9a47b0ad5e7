package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.TaskMessage;
import java.time.Duration;
import java.util.Map;

/** The one verdict on a delivered task message, reached before anything runs or is published. */
public sealed interface Admission {

    /** Run it now: a registered task with arguments that bind to its parameters. */
    record Run(TaskMessage task, CeleryTaskHandler handler, Map<String, Object> arguments) implements Admission {
    }

    /** Runnable, but its eta is {@code remaining} away: wait in the delay queues, or here if that is shorter. */
    record Park(Run run, Duration remaining) implements Admission {
    }

    /** Revoked by remote control, or expired: REVOKED for the caller, nothing runs. */
    record Revoke(TaskMessage task, String why) implements Admission {
    }

    /**
     * Can never run as sent: the message goes to the dead-letter queue with {@code reason}. {@code task} and
     * {@code error} are null when the message could not even be read (there is no task id to answer).
     */
    record Reject(TaskMessage task, String reason, String detail, PythonException error) implements Admission {
    }
}
