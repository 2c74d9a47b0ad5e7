package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.RandomVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Indexes hold their vectors in native memory, invisible to the Java heap: close() must give it back. */
class NativeMemoryTest {

    private static final int D = 256;
    private static final int VECTORS = 40_000; // ~40 MB of floats per index

    @Test
    void closingIndexesReturnsTheirNativeMemory() throws IOException {
        float[] data = new RandomVectors(5, D).flat(VECTORS);
        cycle(data, 3); // let the allocator settle
        long before = residentKb();
        cycle(data, 20);
        long growth = residentKb() - before;
        // 20 unreleased indexes would hold 20 x 40 MB = 800 MB
        assertThat(growth).as("resident memory growth after 20 create/close cycles, kB").isLessThan(60_000);
    }

    private static void cycle(float[] data, int times) {
        for (int i = 0; i < times; i++) {
            try (FaissIndex index = FaissIndex.create(D, "Flat", Metric.INNER_PRODUCT)) {
                index.add(data);
                assertThat(index.count()).isEqualTo(VECTORS);
            }
        }
    }

    private static long residentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }
}
