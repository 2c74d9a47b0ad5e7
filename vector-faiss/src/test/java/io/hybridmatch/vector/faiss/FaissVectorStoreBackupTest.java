package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStoreBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups of a live store restored into a fresh directory. */
class FaissVectorStoreBackupTest {

    private static final int D = 24;
    private static final FaissStoreTuning TUNING = new FaissStoreTuning(0.2, 20, 50, 10, 64L << 20);

    @TempDir
    Path dir;
    private final RandomVectors random = new RandomVectors(3, D);

    private static FaissIndexSpec spec(String factory) {
        return new FaissIndexSpec("candidates", D, Metric.INNER_PRODUCT, factory, 64, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HNSW32,Flat", "IVF8,Flat"})
    void aRestoredBackupGivesTheSameSearchResults(String factory) {
        List<float[]> queries = LongStream.range(0, 25).mapToObj(i -> random.next()).toList();
        try (FaissVectorStore store = FaissVectorStore.open(dir.resolve("live"), spec(factory), TUNING)) {
            store.upsert(random.records(1, 400));
            store.delete(List.of(3L, 4L, 5L));
            store.upsert(random.records(10, 5)); // replacements, left in the log only

            VectorStoreBackup backup = store.backupTo(dir.resolve("backup"));
            assertThat(backup.vectors()).isEqualTo(397);
            assertThat(backup.bytes()).isPositive();

            FaissVectorStore.restore(dir.resolve("backup"), dir.resolve("restored"));
            try (FaissVectorStore restored = FaissVectorStore.open(dir.resolve("restored"), spec(factory), TUNING)) {
                assertThat(restored.ids().sorted().boxed().toList()).isEqualTo(store.ids().sorted().boxed().toList());
                for (float[] query : queries) {
                    assertThat(restored.search(VectorQuery.of(query, 10)))
                            .as("same hits and scores").isEqualTo(store.search(VectorQuery.of(query, 10)));
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
        try (FaissVectorStore store = FaissVectorStore.open(dir.resolve("live"), spec("HNSW32,Flat"), TUNING)) {
            store.upsert(random.records(1, 200));
            RandomVectors writes = new RandomVectors(9, D);
            Future<?> writing = writer.submit(() -> {
                for (long id = 1000; !stop.get() && id < 100_000; id++) {
                    store.upsert(List.of(new VectorRecord(id, writes.next())));
                    acknowledged.set(id);
                }
            });
            while (acknowledged.get() < 1050) {
                Thread.sleep(5);
            }
            long before = acknowledged.get();
            store.backupTo(dir.resolve("backup"));
            long after = acknowledged.get();
            stop.set(true);
            writing.get(30, TimeUnit.SECONDS);

            FaissVectorStore.restore(dir.resolve("backup"), dir.resolve("restored"));
            try (FaissVectorStore restored = FaissVectorStore.open(dir.resolve("restored"), spec("HNSW32,Flat"), TUNING)) {
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

    @Test
    void restoreRefusesADirectoryThatHoldsAStore() throws IOException {
        try (FaissVectorStore store = FaissVectorStore.open(dir.resolve("live"), spec("Flat"), TUNING)) {
            store.upsert(random.records(1, 10));
            store.backupTo(dir.resolve("backup"));
            assertThatThrownBy(() -> store.backupTo(dir.resolve("backup"))).hasMessageContaining("already exists");
        }
        assertThatThrownBy(() -> FaissVectorStore.restore(dir.resolve("backup"), dir.resolve("live")))
                .rootCause().hasMessageContaining("already holds a vector store");
        try (var files = Files.list(dir.resolve("backup"))) {
            assertThat(files.count()).as("CURRENT, index, label map").isEqualTo(3);
        }
    }
}
