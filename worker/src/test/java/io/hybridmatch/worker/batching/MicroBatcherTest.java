package io.hybridmatch.worker.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The first batch is held until the other callers have queued, so what forms the next batches is known: no timing
 * is asserted. One dispatcher, unless said otherwise: a second would take the queued callers at once.
 */
class MicroBatcherTest {

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private List<Integer> timesTen(List<Integer> items) {
        batches.add(items);
        if (batches.size() == 1) {
            await(release);
        }
        if (items.stream().anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException("negative item in " + items);
        }
        return items.stream().map(i -> i * 10).toList();
    }

    @Test
    void queuedCallersShareBatchesOfAtMostMaxItemsAndGetTheirOwnResults() throws Exception {
        try (MicroBatcher<Integer, Integer> batcher = batcher(4, 1, e -> false);
             ExecutorService callers = Executors.newFixedThreadPool(11)) {
            Future<List<Integer>> first = heldFirstBatch(batcher, callers, 0);
            List<Future<List<Integer>>> others = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int item = i;
                others.add(callers.submit(() -> batcher.submit(List.of(item, item + 100))));
            }
            awaitWaiting(batcher, 10);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(0);
            for (int i = 1; i <= 10; i++) {
                assertThat(others.get(i - 1).get(30, TimeUnit.SECONDS)).containsExactly(i * 10, (i + 100) * 10);
            }
            assertThat(batches).hasSize(1 + 5).allMatch(batch -> batch.size() <= 4);
            assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(21);
        }
    }

    @Test
    void aFailingBatchFailsOnlyTheCallerWhoseItemsCausedIt() throws Exception {
        try (MicroBatcher<Integer, Integer> batcher = batcher(64, 1, e -> false);
             ExecutorService callers = Executors.newFixedThreadPool(4)) {
            Future<List<Integer>> first = heldFirstBatch(batcher, callers, 1);
            Future<List<Integer>> good = callers.submit(() -> batcher.submit(List.of(2)));
            Future<List<Integer>> bad = callers.submit(() -> batcher.submit(List.of(-3)));
            Future<List<Integer>> alsoGood = callers.submit(() -> batcher.submit(List.of(4)));
            awaitWaiting(batcher, 3);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(10);
            assertThat(good.get(30, TimeUnit.SECONDS)).containsExactly(20);
            assertThat(alsoGood.get(30, TimeUnit.SECONDS)).containsExactly(40);
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[-3]");
            assertThat(batches.get(1)).as("one batch first, then each caller alone").hasSize(3);
        }
    }

    @Test
    void aSharedFailureReachesEveryCallerWithoutRetries() throws Exception {
        try (MicroBatcher<Integer, Integer> batcher = batcher(64, 1,
                e -> e instanceof IllegalArgumentException);
             ExecutorService callers = Executors.newFixedThreadPool(4)) {
            Future<List<Integer>> first = heldFirstBatch(batcher, callers, 1);
            // queued one after the other: the callers' threads would otherwise join the batch in any order
            List<Future<List<Integer>>> queued = new ArrayList<>();
            for (int item : List.of(-2, 3, 4)) {
                queued.add(callers.submit(() -> batcher.submit(List.of(item))));
                awaitWaiting(batcher, queued.size());
            }
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(10);
            for (Future<List<Integer>> call : queued) {
                assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[-2, 3, 4]");
            }
            assertThat(batches).as("no caller retried alone").hasSize(2);
        }
    }

    @Test
    void withTwoDispatchersABatchRunsWhileAnotherIsInProgress() throws Exception {
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try (callers; MicroBatcher<Integer, Integer> batcher = batcher(64, 2, e -> false)) {
            Future<List<Integer>> held = heldFirstBatch(batcher, callers, 1);
            assertThat(callers.submit(() -> batcher.submit(List.of(2))).get(30, TimeUnit.SECONDS))
                    .as("done while the first batch is still held").containsExactly(20);
            assertThat(held).isNotDone();
            release.countDown();
            assertThat(held.get(30, TimeUnit.SECONDS)).containsExactly(10);
        }
    }

    @Test
    void aClosedBatcherRefusesCalls() {
        MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("test", items -> items, 8, Duration.ofMillis(1), 2, e -> false);
        assertThat(batcher.submit(List.of(7))).containsExactly(7);
        batcher.close();
        assertThatThrownBy(() -> batcher.submit(List.of(8))).isInstanceOf(IllegalStateException.class);
    }

    private MicroBatcher<Integer, Integer> batcher(int maxItems, int dispatchers, Predicate<RuntimeException> shared) {
        return new MicroBatcher<>("test", this::timesTen, maxItems, Duration.ZERO, dispatchers, shared);
    }

    /** A caller whose batch is the first, held until {@link #release}. */
    private Future<List<Integer>> heldFirstBatch(MicroBatcher<Integer, Integer> batcher, ExecutorService callers, int item)
            throws InterruptedException {
        Future<List<Integer>> call = callers.submit(() -> batcher.submit(List.of(item)));
        while (batches.isEmpty()) {
            Thread.sleep(1);
        }
        return call;
    }

    private static void awaitWaiting(MicroBatcher<?, ?> batcher, int count) throws InterruptedException {
        while (batcher.waiting() < count) {
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
