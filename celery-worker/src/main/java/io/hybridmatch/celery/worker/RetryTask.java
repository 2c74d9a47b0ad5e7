package io.hybridmatch.celery.worker;

import java.time.Duration;

/**
 * Thrown by a task to be retried later, as Python's {@code self.retry(exc=cause, countdown=...)}. Once the task's
 * {@code max_retries} is reached the task fails with {@code cause} (or {@code MaxRetriesExceededError} without one).
 */
public class RetryTask extends RuntimeException {

    private final transient Duration countdown;

    /** {@code countdown} null = the worker's {@code default-retry-delay}. */
    public RetryTask(Duration countdown, Throwable cause) {
        super(cause == null ? "retry" : cause.getMessage(), cause);
        this.countdown = countdown;
    }

    public Duration countdown() {
        return countdown;
    }
}
