package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.RpcResults;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;

/** {@code rpc://}: the state is a message to the client's reply queue, matched by correlation id. */
public final class RpcResultBackend implements ResultBackend {

    private final ConfirmedPublisher publisher;

    public RpcResultBackend(ConfirmedPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void store(TaskMessage request, TaskResult result) {
        RpcResults.reply(request, result).ifPresent(publisher::publish);
    }
}
