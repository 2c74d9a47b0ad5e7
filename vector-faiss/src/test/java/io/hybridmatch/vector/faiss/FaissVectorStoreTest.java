package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store on the real FAISS library, for each index type the engine can be configured with. */
class FaissVectorStoreTest {

    private static final int D = 24;
    /** Small thresholds so compaction and IVF training happen within a few hundred vectors. */
    private static final FaissStoreTuning TUNING = new FaissStoreTuning(0.2, 20, 50, 10, 64L << 20);

    @TempDir
    Path dir;
    private final RandomVectors random = new RandomVectors(11, D);

    private static FaissIndexSpec spec(String factory) {
        return new FaissIndexSpec("candidates", D, Metric.INNER_PRODUCT, factory, 128, 8);
    }

    private FaissVectorStore open(String factory) {
        return FaissVectorStore.open(dir.resolve("store"), spec(factory), TUNING);
    }

    private static long top(FaissVectorStore store, float[] query) {
        return store.search(VectorQuery.of(query, 1)).getFirst().id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HNSW32,Flat", "IVF8,Flat", "Flat"})
    void upsertReplacesAndDeletedIdsNeverComeBack(String factory) {
        List<VectorRecord> records = random.records(1, 300);
        try (FaissVectorStore store = open(factory)) {
            store.upsert(records);
            float[] replacement = random.next();
            store.upsert(List.of(new VectorRecord(7, replacement)));
            assertThat(store.size()).isEqualTo(300);
            assertThat(top(store, replacement)).isEqualTo(7);
            assertThat(store.search(VectorQuery.of(records.get(6).vector(), 5))).extracting(VectorHit::id)
                    .as("the old vector of id 7 is gone").doesNotContain(7L);
            assertThat(store.vector(7)).get().isEqualTo(replacement);

            assertThat(store.delete(List.of(7L, 8L, 9_999L))).isEqualTo(2);
            assertThat(store.contains(7)).isFalse();
            assertThat(store.size()).isEqualTo(298);
            assertThat(store.ids().boxed().toList()).hasSize(298).doesNotContain(7L, 8L).contains(1L, 300L);
            List<VectorHit> all = store.search(VectorQuery.of(replacement, 1_000));
            assertThat(all).hasSize(298).extracting(VectorHit::id).doesNotContain(7L, 8L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HNSW32,Flat", "IVF8,Flat"})
    void survivesRestartAndReplaysTheLogAfterACrash(String factory) throws IOException {
        List<VectorRecord> records = random.records(100, 200);
        try (FaissVectorStore store = open(factory)) {
            store.upsert(records);
            store.delete(List.of(100L));
            // what is on disk now is what a crash right after these calls would leave: copy it
            copyTree(dir.resolve("store"), dir.resolve("crashed"));
        }
        try (FaissVectorStore reopened = open(factory)) {
            assertThat(reopened.size()).isEqualTo(199);
            assertThat(top(reopened, records.get(50).vector())).isEqualTo(150);
            assertThat(reopened.stats().unsnapshotted()).isZero();
        }
        Files.deleteIfExists(dir.resolve("crashed/LOCK"));
        try (FaissVectorStore crashed = FaissVectorStore.open(dir.resolve("crashed"), spec(factory), TUNING)) {
            assertThat(crashed.size()).isEqualTo(199);
            assertThat(crashed.contains(100)).isFalse();
            assertThat(top(crashed, records.get(199).vector())).isEqualTo(299);
        }
    }

    @Test
    void aTornLogTailIsCutOffAndTheRestKept() throws IOException {
        List<VectorRecord> records = random.records(1, 30);
        try (FaissVectorStore store = open("Flat")) {
            store.upsert(records.subList(0, 10));
            store.checkpoint();
            store.upsert(records.subList(10, 30));
            copyTree(dir.resolve("store"), dir.resolve("crashed"));
        }
        Path wal = dir.resolve("crashed/wal.log");
        long intact = Files.size(wal);
        Files.write(wal, new byte[]{0, 0, 1, 0, 42, 42, 42}, StandardOpenOption.APPEND);
        Files.deleteIfExists(dir.resolve("crashed/LOCK"));
        try (FaissVectorStore crashed = FaissVectorStore.open(dir.resolve("crashed"), spec("Flat"), TUNING)) {
            assertThat(crashed.size()).isEqualTo(30);
            assertThat(Files.size(wal)).isEqualTo(intact);
        }
    }

    @Test
    void compactionDropsTombstonesAndKeepsResults() {
        try (FaissVectorStore store = open("HNSW32,Flat")) {
            store.upsert(random.records(1, 100));
            List<VectorRecord> latest = random.records(1, 100);
            for (int i = 0; i < 100; i += 10) {
                store.upsert(latest.subList(i, i + 10));
            }
            FaissStoreStats stats = store.stats();
            assertThat(stats.live()).isEqualTo(100);
            assertThat(stats.tombstones()).as("compacted when tombstones passed 20%").isLessThan(21);
            for (VectorRecord record : latest) {
                assertThat(top(store, record.vector())).isEqualTo(record.id());
            }
        }
    }

    @Test
    void ivfStagesInAFlatIndexUntilItCanBeTrained() {
        try (FaissVectorStore store = open("IVF8,Flat")) {
            store.upsert(random.records(1, 50));
            assertThat(store.stats().indexFactory()).isEqualTo("Flat");
            List<VectorRecord> more = random.records(51, 100);
            store.upsert(more);
            assertThat(store.stats().indexFactory()).as("8 lists x 10 points").isEqualTo("IVF8,Flat");
            assertThat(store.size()).isEqualTo(150);
            assertThat(top(store, more.get(3).vector())).isEqualTo(54);
        }
    }

    @Test
    void aChangedFactoryIsAppliedOnOpen() {
        List<VectorRecord> records = random.records(1, 120);
        try (FaissVectorStore store = open("Flat")) {
            store.upsert(records);
        }
        try (FaissVectorStore store = open("HNSW16,Flat")) {
            assertThat(store.stats().indexFactory()).isEqualTo("HNSW16,Flat");
            assertThat(top(store, records.get(77).vector())).isEqualTo(78);
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
        try (FaissVectorStore store = open("HNSW32,Flat")) {
            store.upsert(records);
            store.delete(List.of(expected.get(1)));
            List<VectorHit> hits = store.search(VectorQuery.within(query, 10, allowed));
            assertThat(hits).hasSize(10).allMatch(h -> allowedSet.contains(h.id()));
            assertThat(hits).extracting(VectorHit::id).doesNotContain(expected.get(1))
                    .as("a graph walk widened for the filter still finds the best allowed ids")
                    .containsAll(expected.stream().filter(id -> !id.equals(expected.get(1))).limit(5).toList());
        }
    }

    @Test
    void badInputIsRefusedWholeAndNothingIsApplied() {
        try (FaissVectorStore store = open("HNSW32,Flat")) {
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
    void refusesASecondOpenAndAnIncompatibleDimension() {
        try (FaissVectorStore store = open("Flat")) {
            store.upsert(random.records(1, 3));
            assertThatThrownBy(() -> open("Flat")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
        }
        FaissIndexSpec other = new FaissIndexSpec("candidates", D * 2, Metric.INNER_PRODUCT, "Flat", 0, 0);
        assertThatThrownBy(() -> FaissVectorStore.open(dir.resolve("store"), other))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("48-dimension");
        try (FaissVectorStore store = open("Flat")) {
            assertThat(store.size()).as("the refused open changed nothing").isEqualTo(3);
        }
    }

    @Test
    void searchesRunWhileWritesAndCompactionsHappen() throws Exception {
        List<VectorRecord> stable = random.records(1, 200);
        try (FaissVectorStore store = open("HNSW32,Flat"); ExecutorService pool = Executors.newFixedThreadPool(4)) {
            store.upsert(stable);
            List<Future<?>> searches = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                searches.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        VectorRecord r = stable.get(i % stable.size());
                        assertThat(top(store, r.vector())).isEqualTo(r.id());
                    }
                }));
            }
            RandomVectors churn = new RandomVectors(99, D);
            for (int round = 0; round < 30; round++) {
                store.upsert(churn.records(10_000, 40));
                store.delete(LongStream.range(10_000, 10_020).boxed().toList());
            }
            for (Future<?> search : searches) {
                search.get(60, TimeUnit.SECONDS);
            }
            assertThat(store.size()).isEqualTo(220);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
