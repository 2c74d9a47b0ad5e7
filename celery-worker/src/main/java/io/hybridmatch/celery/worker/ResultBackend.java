package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;

/** Where task states go for Celery's {@code AsyncResult}: the same backend the Django app is configured with. */
public interface ResultBackend extends AutoCloseable {

    /** Durable (or, for rpc://, confirmed by the broker) when it returns. */
    void store(TaskMessage request, TaskResult result);

    @Override
    default void close() {
    }
}
