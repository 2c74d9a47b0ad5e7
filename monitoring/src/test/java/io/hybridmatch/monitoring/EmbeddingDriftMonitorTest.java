package io.hybridmatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.vector.VectorHit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored baseline: a restarted monitor compares with the same reference. */
class EmbeddingDriftMonitorTest {

    @TempDir
    Path dir;

    private static void search(EmbeddingDriftMonitor monitor, double top1) {
        monitor.observe("candidates", new float[]{1, 0}, List.of(new VectorHit(1, (float) top1)));
    }

    @Test
    void theBaselineSurvivesARestartAndDriftIsMeasuredAgainstIt() {
        Path file = dir.resolve("drift-baseline.json");
        EmbeddingDriftMonitor first = new EmbeddingDriftMonitor(new SimpleMeterRegistry(), 50, 50, file);
        for (int i = 0; i < 50; i++) {
            search(first, 0.6 + (i % 10) / 100.0);
        }
        assertThat(file).exists();

        EmbeddingDriftMonitor restarted = new EmbeddingDriftMonitor(new SimpleMeterRegistry(), 50, 50, file);
        for (int i = 0; i < 50; i++) {
            search(restarted, 0.6 + (i % 10) / 100.0);
        }
        assertThat(restarted.psi("candidates", "top1_similarity")).as("same distribution").isLessThan(0.05);
        for (int i = 0; i < 50; i++) {
            search(restarted, 0.05 + (i % 10) / 100.0);
        }
        assertThat(restarted.psi("candidates", "top1_similarity")).as("moved").isGreaterThan(1.0);

        restarted.resetBaseline("candidates");
        assertThat(restarted.psi("candidates", "top1_similarity")).isZero();
    }

    @Test
    void noFileMeansAnInMemoryBaselineOnly() throws Exception {
        EmbeddingDriftMonitor monitor = new EmbeddingDriftMonitor(new SimpleMeterRegistry(), 5, 5, null);
        for (int i = 0; i < 10; i++) {
            search(monitor, 0.7);
        }
        assertThat(monitor.psi("candidates", "top1_similarity")).isLessThan(0.01);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
