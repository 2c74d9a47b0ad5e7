package io.hybridmatch.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.IndexingUnavailableException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The real int8 MiniLM, loaded off the caller's path. */
class BackgroundLoadedEmbedderTest {

    private static final SentenceModelOptions MODEL = SentenceModelOptions.bundled("all-minilm-l6-v2-q");

    @Test
    void loadsOnceWhetherStartedInTheBackgroundOrByTheFirstCallers() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch callersWaiting = new CountDownLatch(1);
        try (BackgroundLoadedEmbedder embedder = new BackgroundLoadedEmbedder(MODEL.modelId(), () -> {
            loads.incrementAndGet();
            callersWaiting.await(); // the callers below queue up while this load is still running
            return new OnnxSentenceEmbedder(MODEL);
        }); ExecutorService callers = Executors.newFixedThreadPool(4)) {
            assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q");
            assertThat(embedder.loaded()).isFalse();

            embedder.startLoading();
            List<Future<float[]>> vectors = List.of(
                    callers.submit(() -> embedder.embed("Développeur Java")),
                    callers.submit(() -> embedder.embed("Développeur Java")),
                    callers.submit(() -> embedder.embed(List.of("Développeur Java")).getFirst()));
            embedder.startLoading();
            callersWaiting.countDown();

            try (TextEmbedder direct = new OnnxSentenceEmbedder(MODEL)) {
                float[] expected = direct.embed("Développeur Java");
                for (Future<float[]> vector : vectors) {
                    assertThat(vector.get()).containsExactly(expected);
                }
                assertThat(embedder.dimension()).isEqualTo(direct.dimension());
            }
            assertThat(loads).hasValue(1);
            assertThat(embedder.loaded()).isTrue();
        }
    }

    @Test
    void aModelThatCannotLoadMakesCallersRetryLaterInsteadOfFailingTheirDocuments() {
        try (BackgroundLoadedEmbedder embedder = new BackgroundLoadedEmbedder("missing", () ->
                new OnnxSentenceEmbedder(MODEL.withModel("missing", MODEL.onnxModel(), MODEL.onnxModel())))) {
            assertThatThrownBy(() -> embedder.embed("Comptable"))
                    .isInstanceOf(IndexingUnavailableException.class)
                    .hasMessageContaining("embedding model missing could not be loaded")
                    .hasCauseInstanceOf(RuntimeException.class);
            assertThat(embedder.loaded()).isFalse();
        }
    }

    @Test
    void aFailedLoadIsTriedAgainByTheNextCaller() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (BackgroundLoadedEmbedder embedder = new BackgroundLoadedEmbedder(MODEL.modelId(), () -> {
            if (loads.incrementAndGet() == 1) {
                throw new java.io.IOException("model file not restored yet");
            }
            return new OnnxSentenceEmbedder(MODEL);
        }); TextEmbedder direct = new OnnxSentenceEmbedder(MODEL)) {
            embedder.startLoading();
            assertThatThrownBy(() -> embedder.embed("Comptable"))
                    .isInstanceOf(IndexingUnavailableException.class)
                    .hasRootCauseMessage("model file not restored yet");
            assertThat(embedder.loaded()).isFalse();
            assertThat(embedder.embed("Comptable")).containsExactly(direct.embed("Comptable"));
            assertThat(loads).hasValue(2);
            assertThat(embedder.loaded()).isTrue();
        }
    }

    @Test
    void closedBeforeAnyUseNeverLoads() {
        AtomicInteger loads = new AtomicInteger();
        new BackgroundLoadedEmbedder(MODEL.modelId(), () -> {
            loads.incrementAndGet();
            return new OnnxSentenceEmbedder(MODEL);
        }).close();
        assertThat(loads).hasValue(0);
    }
}
