package io.hybridmatch.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link VectorStore} promises, whatever the backend: one test class per implementation extends this and says
 * how to open a store and restore a backup. Each test gets a fresh instance of the subclass, whose stores must start
 * empty (a temporary directory, an index name of its own).
 */
public abstract class VectorStoreContract {

    protected static final int D = 24;

    @TempDir
    protected Path dir;
    private final RandomVectors random = new RandomVectors(11, D);

    /** Opens the store called {@code name} of this test: empty the first time, as it was closed afterwards. */
    protected abstract VectorStore open(String name, Metric metric);

    /** A store opened on what {@link VectorStore#backupTo} wrote into {@code backup}, under a new name. */
    protected abstract VectorStore restore(Path backup, String name, Metric metric);

    private VectorStore open() {
        return open("candidates", Metric.INNER_PRODUCT);
    }

    private static long top(VectorStore store, float[] query) {
        return store.search(VectorQuery.of(query, 1)).getFirst().id();
    }

    @Test
    void upsertReplacesAndDeletedIdsNeverComeBack() {
        List<VectorRecord> records = random.records(1, 300);
        try (VectorStore store = open()) {
            store.upsert(records);
            float[] replacement = random.next();
            store.upsert(List.of(new VectorRecord(7, replacement)));
            assertThat(store.size()).isEqualTo(300);
            assertThat(top(store, replacement)).isEqualTo(7);
            assertThat(store.search(VectorQuery.of(records.get(6).vector(), 5))).extracting(VectorHit::id)
                    .as("the old vector of id 7 is gone").doesNotContain(7L);
            assertThat(store.vector(7)).get().isEqualTo(replacement);

            assertThat(store.delete(List.of(7L, 8L, 9_999L, 8L))).isEqualTo(2);
            assertThat(store.contains(7)).isFalse();
            assertThat(store.vector(8)).isEmpty();
            assertThat(store.size()).isEqualTo(298);
            assertThat(store.ids().boxed().toList()).hasSize(298).doesNotContain(7L, 8L).contains(1L, 300L);
            List<VectorHit> all = store.search(VectorQuery.of(replacement, 1_000));
            assertThat(all).hasSize(298).extracting(VectorHit::id).doesNotContain(7L, 8L);
        }
    }

    @Test
    void anIdTwiceInOneBatchKeepsItsLastVector() {
        float[] first = random.next();
        float[] last = random.next();
        try (VectorStore store = open()) {
            store.upsert(List.of(new VectorRecord(5, first), new VectorRecord(6, random.next()), new VectorRecord(5, last)));
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.vector(5)).get().isEqualTo(last);
            assertThat(store.search(VectorQuery.of(random.next(), 10))).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void scoresAreTheRawMetricBestFirst(Metric metric) {
        List<VectorRecord> records = random.records(1, 50);
        float[] query = random.next();
        try (VectorStore store = open("scored", metric)) {
            assertThat(store.search(VectorQuery.of(query, 3))).as("an empty store").isEmpty();
            store.upsert(records);
            List<VectorHit> hits = store.search(VectorQuery.of(query, 5));
            assertThat(hits).hasSize(5);
            for (VectorHit hit : hits) {
                float[] stored = records.get((int) hit.id() - 1).vector();
                double expected = metric == Metric.INNER_PRODUCT ? dot(stored, query) : squaredDistance(stored, query);
                assertThat((double) hit.score()).isCloseTo(expected, within(1e-4));
            }
            Comparator<VectorHit> byScore = Comparator.comparingDouble(VectorHit::score);
            assertThat(hits).isSortedAccordingTo(metric.higherIsBetter() ? byScore.reversed() : byScore);
            Comparator<VectorRecord> best = Comparator.comparingDouble(r -> metric == Metric.INNER_PRODUCT
                    ? -dot(r.vector(), query) : squaredDistance(r.vector(), query));
            assertThat(hits.getFirst().id()).isEqualTo(records.stream().min(best).orElseThrow().id());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 400})
    void filteredSearchReturnsOnlyAllowedIdsAndAllOfTheBest(int allowedCount) {
        List<VectorRecord> records = random.records(1, 2_000);
        float[] query = random.next();
        long[] allowed = LongStream.rangeClosed(1, 2_000).filter(id -> id % (2_000 / allowedCount) == 0).toArray();
        Set<Long> allowedSet = LongStream.of(allowed).boxed().collect(Collectors.toSet());
        List<Long> expected = records.stream().filter(r -> allowedSet.contains(r.id()))
                .sorted(Comparator.comparingDouble((VectorRecord r) -> -dot(r.vector(), query)))
                .limit(10).map(VectorRecord::id).toList();
        try (VectorStore store = open()) {
            store.upsert(records);
            store.delete(List.of(expected.get(1)));
            List<VectorHit> hits = store.search(VectorQuery.within(query, 10, allowed));
            assertThat(hits).hasSize(10).allMatch(h -> allowedSet.contains(h.id()));
            assertThat(hits).extracting(VectorHit::id).doesNotContain(expected.get(1))
                    .as("a search widened for the filter still finds the best allowed ids")
                    .containsAll(expected.stream().filter(id -> !id.equals(expected.get(1))).limit(5).toList());
            assertThat(store.search(VectorQuery.within(query, 10, new long[]{expected.get(1), 5_000})))
                    .as("allowed ids that are deleted or unknown").isEmpty();
        }
    }

    @Test
    void badInputIsRefusedWholeAndNothingIsApplied() {
        try (VectorStore store = open()) {
            store.upsert(random.records(1, 5));
            float[] nan = random.next();
            nan[3] = Float.NaN;
            List<VectorRecord> batch = List.of(new VectorRecord(10, random.next()), new VectorRecord(11, nan));
            assertThatThrownBy(() -> store.upsert(batch)).isInstanceOf(VectorValidationException.class)
                    .hasMessageContaining("record 1").hasMessageContaining("position 3");
            assertThatThrownBy(() -> store.upsert(List.of(new VectorRecord(12, new float[D - 1]))))
                    .isInstanceOf(VectorValidationException.class).hasMessageContaining("23 dimensions");
            assertThatThrownBy(() -> store.search(VectorQuery.of(new float[3], 1)))
                    .isInstanceOf(VectorValidationException.class);
            assertThatThrownBy(() -> store.search(VectorQuery.of(random.next(), 0)))
                    .isInstanceOf(VectorValidationException.class);
            assertThat(store.size()).isEqualTo(5);
            assertThat(store.contains(10)).isFalse();
        }
    }

    @Test
    void writesSurviveAReopen() {
        List<VectorRecord> records = random.records(100, 200);
        try (VectorStore store = open()) {
            store.upsert(records);
            store.delete(List.of(100L));
        }
        try (VectorStore reopened = open()) {
            assertThat(reopened.size()).isEqualTo(199);
            assertThat(reopened.contains(100)).isFalse();
            assertThat(top(reopened, records.get(50).vector())).isEqualTo(150);
            assertThat(reopened.vector(299)).get().isEqualTo(records.get(199).vector());
        }
    }

    @Test
    void searchesRunWhileWritesHappen() throws Exception {
        List<VectorRecord> stable = random.records(1, 200);
        try (VectorStore store = open(); ExecutorService pool = Executors.newFixedThreadPool(3)) {
            store.upsert(stable);
            List<Future<?>> searches = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                searches.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        VectorRecord r = stable.get(i % stable.size());
                        assertThat(top(store, r.vector())).isEqualTo(r.id());
                    }
                }));
            }
            RandomVectors churn = new RandomVectors(99, D);
            for (int round = 0; round < 15; round++) {
                store.upsert(churn.records(10_000, 40));
                store.delete(LongStream.range(10_000, 10_020).boxed().toList());
            }
            for (Future<?> search : searches) {
                search.get(120, TimeUnit.SECONDS);
            }
            assertThat(store.size()).isEqualTo(220);
        }
    }

    @Test
    void aRestoredBackupGivesTheSameSearchResults() {
        List<float[]> queries = LongStream.range(0, 25).mapToObj(i -> random.next()).toList();
        try (VectorStore store = open()) {
            store.upsert(random.records(1, 400));
            store.delete(List.of(3L, 4L, 5L));
            store.upsert(random.records(10, 5));

            VectorStoreBackup backup = store.backupTo(dir.resolve("backup"));
            assertThat(backup.vectors()).isEqualTo(397);
            assertThat(backup.bytes()).isPositive();
            assertThatThrownBy(() -> store.backupTo(dir.resolve("backup"))).hasMessageContaining("already exists");

            try (VectorStore restored = restore(dir.resolve("backup"), "restored", Metric.INNER_PRODUCT)) {
                assertThat(restored.ids().sorted().boxed().toList()).isEqualTo(store.ids().sorted().boxed().toList());
                for (float[] query : queries) {
                    assertThat(restored.search(VectorQuery.of(query, 10))).extracting(VectorHit::id)
                            .as("same hits").isEqualTo(store.search(VectorQuery.of(query, 10)).stream()
                                    .map(VectorHit::id).toList());
                }
                assertThat(restored.vector(10)).get().isEqualTo(store.vector(10).orElseThrow());
            }
        }
    }

    /** Writes go on while the backup is taken: it holds exactly the writes acknowledged before some instant. */
    @Test
    void aBackupTakenDuringWritesIsAConsistentPrefix() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong acknowledged = new AtomicLong(999);
        try (VectorStore store = open()) {
            store.upsert(random.records(1, 200));
            RandomVectors writes = new RandomVectors(9, D);
            Future<?> writing = writer.submit(() -> {
                for (long id = 1000; !stop.get() && id < 100_000; id++) {
                    store.upsert(List.of(new VectorRecord(id, writes.next())));
                    acknowledged.set(id);
                }
            });
            while (acknowledged.get() < 1020) {
                Thread.sleep(5);
            }
            long before = acknowledged.get();
            store.backupTo(dir.resolve("backup"));
            long after = acknowledged.get();
            stop.set(true);
            writing.get(60, TimeUnit.SECONDS);

            try (VectorStore restored = restore(dir.resolve("backup"), "restored", Metric.INNER_PRODUCT)) {
                long[] written = restored.ids().filter(id -> id >= 1000).sorted().toArray();
                long last = written[written.length - 1];
                assertThat(last).isBetween(before, after + 1);
                assertThat(written).as("no gap: a prefix of the writes").isEqualTo(LongStream.rangeClosed(1000, last).toArray());
                assertThat(restored.size()).isEqualTo(200 + written.length);
            }
        } finally {
            stop.set(true);
            writer.shutdownNow();
            assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    protected static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
