package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.RandomVectors;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
