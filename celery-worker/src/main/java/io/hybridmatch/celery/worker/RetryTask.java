package io.hybridmatch.celery.worker;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by a task to be retried later, as Python's {@code self.retry(exc=cause, countdown=...)}. Once the task's
 * {@code max_retries} or retry horizon is reached the task fails with {@code cause} (or
 * {@code MaxRetriesExceededError} without one) and its message is dead-lettered.
 */
public class RetryTask extends RuntimeException {

    private final transient Duration countdown;
    private final transient List<Object> args;

    /** {@code countdown} null = the worker's {@code default-retry-delay}. */
    public RetryTask(Duration countdown, Throwable cause) {
        this(countdown, cause, null);
    }

    /**
     * Retried with other positional arguments, as {@code self.retry(args=...)}: e.g. only the items of a batch that
     * failed. {@code args} null = the same arguments.
     */
    public RetryTask(Duration countdown, Throwable cause, List<Object> args) {
        super(cause == null ? "retry" : cause.getMessage(), cause);
        this.countdown = countdown;
        this.args = args;
    }

    public Duration countdown() {
        return countdown;
    }

    /** The arguments of the retry, null when they stay the same. */
    public List<Object> args() {
        return args;
    }
}
