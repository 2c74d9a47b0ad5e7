package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.RedisChords;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Where task states go for Celery's {@code AsyncResult}: the same backend the Django app is configured with. */
public interface ResultBackend extends AutoCloseable {

    /** Durable (or, for rpc://, confirmed by the broker) when it returns. A stored SUCCESS is never replaced. */
    void store(TaskMessage request, TaskResult result);

    /**
     * As {@link #store}, but may return before the result is durable: the stage completes once it is, or fails as
     * {@link #store} would throw. A backend that can write the results of several tasks in one round trip does so
     * here; the others store at once.
     */
    default CompletionStage<Void> storeSoon(TaskMessage request, TaskResult result) {
        store(request, result);
        return CompletableFuture.completedStage(null);
    }

    /**
     * Before a chord's header is published: its size ({@code set_chord_size}). Backends without native join refuse
     * (Celery's rpc:// backend: {@code ensure_chords_allowed}; others would need its {@code chord_unlock} task).
     */
    default void startChord(String groupId, int size) {
        throw new UnsupportedOperationException("this result backend joins no chords");
    }

    /**
     * A chord header task finished ({@code on_chord_part_return}): when it was the last, the joined header, and the
     * chord's keys are gone. Empty otherwise, and always on backends without native join (Celery's base backend
     * does nothing there).
     */
    default Optional<RedisChords.Join> chordPartReturned(TaskMessage part, TaskResult result) {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
