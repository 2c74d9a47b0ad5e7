package io.hybridmatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under the cache, the metrics count what the real model computes. */
class MeteredTextEmbedderTest {

    @Test
    void countsModelCallsAndTheirBatchSizes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CachingTextEmbedder embedder = new CachingTextEmbedder(
                new MeteredTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), registry), 100)) {
            embedder.embed(List.of("Java developer", "Nurse", "Pastry chef"));
            embedder.embed(List.of("Java developer", "Data analyst"));
        }
        var batch = registry.get("hybridmatch.embedding.batch.texts").summary();
        assertThat(batch.count()).isEqualTo(2);
        assertThat(batch.totalAmount()).as("3 texts, then only the uncached one").isEqualTo(4);
        assertThat(registry.get("hybridmatch.embedding").timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }
}
