package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The int8-quantised MiniLM from its Maven jar: same dimension, vectors close to the float model's, same ordering. */
class QuantizedMiniLmTest {

    @Test
    void itEmbedsCloseToTheFloatModelAndKeepsTheRanking() {
        List<String> texts = List.of("Senior Java developer, Spring Boot and Kafka",
                "Développeuse Java confirmée (Spring)", "Pastry chef in Lyon");
        try (OnnxSentenceEmbedder quantized = new OnnxSentenceEmbedder(SentenceModelOptions.bundled("all-minilm-l6-v2-q"))) {
            assertThat(quantized.modelId()).isEqualTo("all-minilm-l6-v2-q");
            assertThat(quantized.dimension()).isEqualTo(384);
            List<float[]> q = quantized.embed(texts);
            List<float[]> f = SharedMiniLm.embedder().embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(Vectors.dot(q.get(i), q.get(i))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
                assertThat(Vectors.dot(q.get(i), f.get(i))).as("cosine to the float model, " + texts.get(i))
                        .isGreaterThan(0.9).isLessThan(0.99999);
            }
            assertThat(Vectors.dot(q.get(0), q.get(1))).isGreaterThan(Vectors.dot(q.get(0), q.get(2)));
        }
        assertThatThrownBy(() -> SentenceModelOptions.bundled("all-mpnet-base-v2")).hasMessageContaining("bundled");
    }
}
