package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.vector.Metric;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedUntilTheFirstCloses() throws Exception {
        Path store = dir.resolve("candidates");
        try (DirectoryLock first = DirectoryLock.acquire(store)) {
            assertThat(store.resolve("LOCK")).exists();
            assertThatThrownBy(() -> DirectoryLock.acquire(store)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
        }
        DirectoryLock.acquire(store).close();
    }

    @Test
    void aFailedStoreOpenLeavesTheDirectoryUsable() {
        Path store = dir.resolve("offers");
        assertThatThrownBy(() -> FaissVectorStore.open(store, spec("NoSuchIndex"))).isInstanceOf(RuntimeException.class);
        try (FaissVectorStore opened = FaissVectorStore.open(store, spec("Flat"))) {
            assertThat(opened.size()).isZero();
        }
    }

    private static FaissIndexSpec spec(String factory) {
        return new FaissIndexSpec("offers", 8, Metric.INNER_PRODUCT, factory, 0, 0);
    }
}
