package io.hybridmatch.worker.batching;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real MiniLM behind the batcher: tasks embedding at once get the vectors they would get alone. */
class BatchingTextEmbedderTest {

    @Test
    void concurrentCallersGetTheVectorsOfTheirOwnTexts() throws Exception {
        List<String> texts = IntStream.range(0, 24).mapToObj(i -> switch (i % 3) {
            case 0 -> "Développeur Java senior, Spring Boot et Kafka, " + i + " ans d'expérience";
            case 1 -> "Pastry chef, viennoiseries and entremets, team of " + i;
            default -> "Data engineer: Python, Airflow, PostgreSQL (" + i + ")";
        }).toList();
        try (OnnxSentenceEmbedder model = OnnxSentenceEmbedder.allMiniLmL6V2();
             TextEmbedder batching = new BatchingTextEmbedder(new Unclosed(model), 16, Duration.ofMillis(5));
             ExecutorService tasks = Executors.newFixedThreadPool(8)) {
            List<Future<float[]>> vectors = new ArrayList<>();
            for (String text : texts) {
                vectors.add(tasks.submit(() -> batching.embed(text)));
            }
            for (int i = 0; i < texts.size(); i++) {
                float[] alone = model.embed(texts.get(i));
                float[] batched = vectors.get(i).get(60, TimeUnit.SECONDS);
                assertThat(batched).hasSize(model.dimension());
                assertThat(cosine(batched, alone)).as(texts.get(i)).isGreaterThan(0.9999);
            }
            assertThat(batching.modelId()).isEqualTo(model.modelId());
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // unit vectors
    }

    /** The model outlives the batcher here, to embed the texts alone afterwards. */
    private record Unclosed(TextEmbedder delegate) implements TextEmbedder {
        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return delegate.embed(texts);
        }

        @Override
        public void close() {
        }
    }
}
