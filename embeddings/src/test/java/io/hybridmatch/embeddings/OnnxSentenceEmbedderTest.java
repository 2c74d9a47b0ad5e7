package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Runs the real all-MiniLM-L6-v2 model: no mocks, the numbers below are what the service will see. */
class OnnxSentenceEmbedderTest {

    private static final List<String> SENTENCES = List.of(
            "Java",
            "Senior backend engineer, 8 years of Spring Boot and PostgreSQL",
            "pastry chef",
            "Lead data scientist: Python, pandas, scikit-learn, demand forecasting for a national retail chain, "
                    + "team of five, MLOps with Kubernetes and Airflow",
            "développeuse front-end React confirmée, télétravail partiel, Lyon",
            "nurse");

    private final OnnxSentenceEmbedder embedder = SharedMiniLm.embedder();

    @Test
    void describesTheDefaultModel() {
        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2");
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(embedder.embed("Java developer")).hasSize(384);
    }

    @Test
    void vectorsHaveUnitNorm() {
        for (float[] vector : embedder.embed(SENTENCES)) {
            assertThat(Math.sqrt(Vectors.dot(vector, vector))).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void similarJobsAreCloserThanUnrelatedOnes() {
        float[] senior = embedder.embed("senior Java developer");
        double close = Vectors.dot(senior, embedder.embed("experienced Java software engineer"));
        double far = Vectors.dot(senior, embedder.embed("pastry chef"));

        assertThat(close).isGreaterThan(far + 0.3);
    }

    @Test
    void frenchTextStillRanksRelatedJobsFirst() {
        float[] developer = embedder.embed("développeur Java");
        double close = Vectors.dot(developer, embedder.embed("ingénieur logiciel Java"));
        double far = Vectors.dot(developer, embedder.embed("boulanger"));

        // English-trained model: the margin is smaller than in English, but the order holds.
        assertThat(close).isGreaterThan(far + 0.1);
    }

    @Test
    void batchedVectorsEqualOneByOneVectorsDespitePadding() {
        List<float[]> batched = embedder.embed(SENTENCES);

        for (int i = 0; i < SENTENCES.size(); i++) {
            assertClose(batched.get(i), embedder.embed(SENTENCES.get(i)));
        }
    }

    @Test
    void keepsInputOrderAcrossBatchBoundaries() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < SentenceModelOptions.DEFAULT_BATCH_SIZE + 7; i++) {
            texts.add(SENTENCES.get(i % SENTENCES.size()) + " #" + i);
        }
        List<float[]> all = embedder.embed(texts);
        List<float[]> reversed = embedder.embed(texts.reversed());

        assertThat(all).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertClose(all.get(i), reversed.get(texts.size() - 1 - i));
        }
    }

    @Test
    void truncatesTextsLongerThanTheModelAccepts() {
        String longCv = "Java Spring Kafka Kubernetes PostgreSQL ".repeat(400);

        float[] vector = embedder.embed(longCv);

        assertThat(Math.sqrt(Vectors.dot(vector, vector))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void concurrentCallersGetTheSameVectors() throws Exception {
        List<float[]> expected = embedder.embed(SENTENCES);
        List<Callable<List<float[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> embedder.embed(SENTENCES));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<List<float[]>> result : pool.invokeAll(calls)) {
                List<float[]> actual = result.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertClose(actual.get(i), expected.get(i));
                }
            }
        }
    }

    @Test
    void emptyListGivesNoVectors() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void rejectsMissingOrBlankText() {
        assertThatThrownBy(() -> embedder.embed((List<String>) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embed((String) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embed(Arrays.asList("Java", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> embedder.embed(List.of("Java", "  \n\t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> embedder.embed(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int d = 0; d < expected.length; d++) {
            assertThat(actual[d]).isCloseTo(expected[d], within(1e-5f));
        }
    }
}
