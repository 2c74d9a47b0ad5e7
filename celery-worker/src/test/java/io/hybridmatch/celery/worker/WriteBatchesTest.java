package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Group commit: what arrives while a batch is in flight goes out together when it is answered. */
class WriteBatchesTest {

    private final List<List<String>> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> answers = new ArrayList<>();
    private final WriteBatches<String> batches = new WriteBatches<>(3, this::send, Runnable::run);

    private CompletionStage<Void> send(List<String> batch) {
        sent.add(batch);
        CompletableFuture<Void> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    @Test
    void aWriteGoesAtOnceAndTheOnesArrivingMeanwhileGoTogether() {
        CompletableFuture<Void> a = batches.add("a");
        CompletableFuture<Void> b = batches.add("b");
        CompletableFuture<Void> c = batches.add("c");
        assertThat(sent).containsExactly(List.of("a"));

        answers.get(0).complete(null);

        assertThat(a).isCompleted();
        assertThat(b).isNotDone();
        assertThat(sent).containsExactly(List.of("a"), List.of("b", "c"));
        answers.get(1).complete(null);
        assertThat(c).isCompleted();
        assertThat(batches.add("d")).isNotDone();
        assertThat(sent).hasSize(3).last().isEqualTo(List.of("d"));
    }

    @Test
    void aBatchHoldsAtMostItsLimitInArrivalOrder() {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (String write : List.of("first", "1", "2", "3", "4")) {
            writes.add(batches.add(write));
        }

        answers.get(0).complete(null);
        answers.get(1).complete(null);

        assertThat(writes.subList(0, 4)).allMatch(CompletableFuture::isDone);
        assertThat(writes.get(4)).isNotDone();
        assertThat(sent).containsExactly(List.of("first"), List.of("1", "2", "3"), List.of("4"));
    }

    @Test
    void aFailedBatchFailsItsWritesOnlyAndTheNextGoesOut() {
        CompletableFuture<Void> a = batches.add("a");
        CompletableFuture<Void> b = batches.add("b");

        answers.get(0).completeExceptionally(new IllegalStateException("Redis down"));

        assertThat(a).isCompletedExceptionally();
        assertThat(b).isNotDone();
        answers.get(1).complete(null);
        assertThat(b).isCompleted();
    }

    @Test
    void aSendThatThrowsFailsItsBatch() {
        WriteBatches<String> refusing = new WriteBatches<>(3, batch -> {
            throw new IllegalStateException("not connected");
        }, Runnable::run);

        assertThat(refusing.add("a")).isCompletedExceptionally();
        assertThat(refusing.add("b")).isCompletedExceptionally();
    }
}
