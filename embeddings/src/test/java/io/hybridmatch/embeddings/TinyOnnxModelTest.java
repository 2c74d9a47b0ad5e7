package io.hybridmatch.embeddings;

import static io.hybridmatch.embeddings.OnnxSentenceEmbedderTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, different model through configuration only: 8 dimensions, no token_type_ids input, a symbolic output
 * dimension. Its output is known exactly, so this also checks masked mean pooling and normalisation numerically.
 */
class TinyOnnxModelTest {

    private static final int MINILM_VOCABULARY = 30_522;
    private static final int DIMENSION = 8;

    private final TinyOnnxEmbeddingModel model = new TinyOnnxEmbeddingModel(MINILM_VOCABULARY, DIMENSION);

    @TempDir
    Path directory;

    @Test
    void embedsWithAnotherModelGivenOnlyItsConfiguration() throws IOException {
        Path onnx = model.writeTo(directory.resolve("tiny.onnx"));
        SentenceModelOptions miniLm = SentenceModelOptions.allMiniLmL6V2();
        SentenceModelOptions tiny = miniLm
                .withModel("tiny-gather", new ResourceLocation.File(onnx), miniLm.tokenizer())
                .withBatchSize(2)
                .withIntraOpThreads(1);
        // Batches of 2 texts of different token counts: the shorter one of each is padded.
        List<String> texts = List.of("Java developer", "infirmière de nuit en réanimation", "Java",
                "senior Kotlin and Java backend engineer");

        try (OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(tiny);
             SentenceTokenizer tokenizer = new SentenceTokenizer(tiny.tokenizer(), tiny.maxSequenceLength())) {
            assertThat(embedder.modelId()).isEqualTo("tiny-gather");
            assertThat(embedder.dimension()).isEqualTo(DIMENSION);
            List<float[]> vectors = embedder.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                TokenBatch alone = tokenizer.encode(List.of(texts.get(i)));
                assertClose(vectors.get(i), expectedVector(alone.inputIds()));
            }
        }
    }

    /** Mean of the token vectors of one unpadded text, L2-normalised. */
    private float[] expectedVector(long[] tokenIds) {
        float[] mean = new float[DIMENSION];
        for (long id : tokenIds) {
            float[] token = model.tokenVector(id);
            for (int d = 0; d < DIMENSION; d++) {
                mean[d] += token[d] / tokenIds.length;
            }
        }
        return Vectors.normaliseInPlace(mean);
    }
}
