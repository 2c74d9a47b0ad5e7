package io.hybridmatch.embeddings;

import static io.hybridmatch.embeddings.OnnxSentenceEmbedderTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache in front of the real model; a recording pass-through shows what actually reaches the model. */
class CachingTextEmbedderTest {

    /** Forwards to the shared real model and records each call's texts; leaves the shared model open on close. */
    private static final class RecordingEmbedder implements TextEmbedder {
        final List<List<String>> calls = new CopyOnWriteArrayList<>();

        @Override
        public String modelId() {
            return SharedMiniLm.embedder().modelId();
        }

        @Override
        public int dimension() {
            return SharedMiniLm.embedder().dimension();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            calls.add(List.copyOf(texts));
            return SharedMiniLm.embedder().embed(texts);
        }

        @Override
        public void close() {
        }
    }

    private final RecordingEmbedder model = new RecordingEmbedder();

    @Test
    void aForgottenTextIsComputedAgainAndTheOthersStay() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100)) {
            cached.embed(List.of("Jeanne Erased, pastry chef in Lyon", "Java developer"));
            cached.forget(List.of("Jeanne Erased, pastry chef in Lyon", "never cached"));

            assertThat(cached.stats().size()).isEqualTo(1);
            cached.embed(List.of("Jeanne Erased, pastry chef in Lyon", "Java developer"));
            assertThat(model.calls).containsExactly(
                    List.of("Jeanne Erased, pastry chef in Lyon", "Java developer"),
                    List.of("Jeanne Erased, pastry chef in Lyon"));
        }
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        AtomicLong nanos = new AtomicLong();
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100, Duration.ofMinutes(60), nanos::get)) {
            cached.embed(List.of("nurse"));
            nanos.addAndGet(Duration.ofMinutes(59).toNanos());
            cached.embed(List.of("nurse"));
            assertThat(model.calls).hasSize(1);
            nanos.addAndGet(Duration.ofMinutes(2).toNanos());
            cached.embed(List.of("nurse"));
            assertThat(model.calls).as("computed again after an hour").hasSize(2);
        }
        assertThatThrownBy(() -> new CachingTextEmbedder(model, 100, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsHitsAndMissesAndSendsOnlyMissesInOneBatch() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100)) {
            cached.embed(List.of("Java developer", "pastry chef"));
            List<float[]> vectors = cached.embed(List.of("pastry chef", "nurse", "Java developer", "welder"));

            assertThat(model.calls).hasSize(2);
            assertThat(model.calls.get(1)).containsExactlyInAnyOrder("nurse", "welder");
            EmbeddingCacheStats stats = cached.stats();
            assertThat(stats.hits()).isEqualTo(2);
            assertThat(stats.misses()).isEqualTo(4);
            assertThat(stats.hitRate()).isEqualTo(2.0 / 6);
            assertThat(stats.size()).isEqualTo(4);
            assertClose(vectors.get(0), SharedMiniLm.embedder().embed("pastry chef"));
            assertClose(vectors.get(3), SharedMiniLm.embedder().embed("welder"));
        }
    }

    @Test
    void duplicateTextsInOneRequestReachTheModelOnce() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100)) {
            List<float[]> vectors = cached.embed(List.of("Scrum master", "Scrum master"));

            assertThat(model.calls).containsExactly(List.of("Scrum master"));
            assertClose(vectors.get(0), vectors.get(1));
        }
    }

    @Test
    void staysWithinItsBound() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 3)) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                texts.add("Java developer, " + i + " years of experience");
            }
            cached.embed(texts);

            EmbeddingCacheStats stats = cached.stats();
            assertThat(stats.size()).isLessThanOrEqualTo(3);
            assertThat(stats.evictions()).isGreaterThanOrEqualTo(7);
            assertThat(stats.maximumSize()).isEqualTo(3);
        }
    }

    @Test
    void concurrentCallersShareTheCacheSafely() throws Exception {
        List<String> texts = List.of("Java developer", "pastry chef", "nurse", "welder", "Scrum master");
        List<float[]> expected = SharedMiniLm.embedder().embed(texts);
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100);
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<List<float[]>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> cached.embed(texts));
            }
            for (Future<List<float[]>> result : pool.invokeAll(calls)) {
                for (int i = 0; i < texts.size(); i++) {
                    assertClose(result.get().get(i), expected.get(i));
                }
            }
            EmbeddingCacheStats stats = cached.stats();
            assertThat(stats.hits() + stats.misses()).isEqualTo(8L * texts.size());
            assertThat(stats.size()).isEqualTo(texts.size());
        }
    }

    @Test
    void returnedVectorsDoNotAliasTheCache() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100)) {
            float[] first = cached.embed("DevOps engineer");
            float[] pristine = first.clone();
            first[0] = 42f;

            assertThat(cached.embed("DevOps engineer")).containsExactly(pristine);
        }
    }

    @Test
    void describesTheWrappedModel() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100)) {
            assertThat(cached.modelId()).isEqualTo("all-minilm-l6-v2");
            assertThat(cached.dimension()).isEqualTo(384);
            assertThat(cached.stats().hitRate()).isZero();
        }
    }

    @Test
    void rejectsBadInputBeforeTouchingCacheOrModel() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(model, 100)) {
            assertThatThrownBy(() -> cached.embed(List.of("Java", " "))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.embed((String) null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(model.calls).isEmpty();
            assertThat(cached.stats().misses()).isZero();
        }
        assertThatThrownBy(() -> new CachingTextEmbedder(model, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
