package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.RpcResults;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;

/**
 * {@code rpc://}: the state is a message to the client's reply queue, matched by correlation id. Nothing is stored,
 * so there is no earlier SUCCESS to protect, and no chords (Celery's client refuses them on rpc://; a chord part that
 * arrives anyway is an ordinary task, as with the base backend's no-op {@code on_chord_part_return}).
 */
public final class RpcResultBackend implements ResultBackend {

    private final ConfirmedPublisher publisher;

    public RpcResultBackend(ConfirmedPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void store(TaskMessage request, TaskResult result) {
        RpcResults.reply(request, result).ifPresent(publisher::publish);
    }

    @Override
    public void startChord(String groupId, int size) {
        // celery/backends/rpc.py E_NO_CHORD_SUPPORT
        throw new UnsupportedOperationException("The \"rpc\" result backend does not support chords!");
    }
}
