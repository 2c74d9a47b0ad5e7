package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.RandomVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
