package io.hybridmatch.celery.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Group commit: a write goes out at once when none is in flight; the writes that arrive meanwhile wait and go out
 * together, as one request, when it is answered. Under load the results of the tasks that finished close together
 * cost one round trip (and one wake-up of each side) instead of one each; alone, a write waits for nothing. Each
 * write's future completes when its batch is answered, or fails with the batch, on the {@code completions} executor
 * (the client's I/O thread only sends the next batch: what waits for a write may block, on RabbitMQ for instance).
 * Thread-safe.
 *
 * @param <T> what one write carries
 */
final class WriteBatches<T> {

    private record Pending<T>(T write, CompletableFuture<Void> done) {
    }

    private final int maxBatch;
    private final Function<List<T>, CompletionStage<?>> send;
    private final Executor completions;
    private final List<Pending<T>> waiting = new ArrayList<>();
    private boolean inFlight;

    /** @param send sends one batch (in arrival order); its stage completes when the batch is durable */
    WriteBatches(int maxBatch, Function<List<T>, CompletionStage<?>> send, Executor completions) {
        this.maxBatch = maxBatch;
        this.send = send;
        this.completions = completions;
    }

    CompletableFuture<Void> add(T write) {
        Pending<T> pending = new Pending<>(write, new CompletableFuture<>());
        List<Pending<T>> batch;
        synchronized (this) {
            waiting.add(pending);
            batch = inFlight ? null : next();
        }
        if (batch != null) {
            send(batch);
        }
        return pending.done();
    }

    /** The next batch, oldest first, marked in flight; null (and nothing in flight) when none waits. */
    private List<Pending<T>> next() {
        if (waiting.isEmpty()) {
            inFlight = false;
            return null;
        }
        inFlight = true;
        List<Pending<T>> first = waiting.subList(0, Math.min(maxBatch, waiting.size()));
        List<Pending<T>> batch = List.copyOf(first);
        first.clear();
        return batch;
    }

    private void send(List<Pending<T>> batch) {
        CompletionStage<?> answered;
        try {
            answered = send.apply(batch.stream().map(Pending::write).toList());
        } catch (RuntimeException e) {
            answered = CompletableFuture.failedFuture(e);
        }
        answered.whenComplete((ignored, error) -> {
            List<Pending<T>> following;
            synchronized (this) {
                following = next();
            }
            if (following != null) { // out before this batch's waiters run: the server works meanwhile
                send(following);
            }
            completions.execute(() -> {
                for (Pending<T> pending : batch) {
                    if (error == null) {
                        pending.done().complete(null);
                    } else {
                        pending.done().completeExceptionally(error);
                    }
                }
            });
        });
    }
}
