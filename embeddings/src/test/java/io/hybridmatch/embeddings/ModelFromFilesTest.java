package io.hybridmatch.embeddings;

import static io.hybridmatch.embeddings.OnnxSentenceEmbedderTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another model is a configuration change: the same ONNX graph and tokenizer, copied out of the jar as files a
 * deployment would mount, load through {@link ResourceLocation#parse} with other tuning and give the same vectors.
 */
class ModelFromFilesTest {

    private static final List<String> TEXTS = List.of(
            "Backend developer, Java 21, Spring Boot, Kafka",
            "Infirmière de nuit en service de réanimation",
            "Chef de projet SAP",
            "Welder");

    @TempDir
    Path modelDirectory;

    @Test
    void loadsModelAndTokenizerFromFilePaths() throws IOException {
        Path model = copyResource("all-minilm-l6-v2.onnx", "model.onnx");
        Path tokenizer = copyResource("all-minilm-l6-v2-tokenizer.json", "tokenizer.json");
        SentenceModelOptions fromFiles = SentenceModelOptions.allMiniLmL6V2()
                .withModel("minilm-from-files", ResourceLocation.parse(model.toString()),
                        ResourceLocation.parse(tokenizer.toString()))
                .withBatchSize(3)
                .withIntraOpThreads(1);

        try (OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(fromFiles)) {
            assertThat(embedder.modelId()).isEqualTo("minilm-from-files");
            assertThat(embedder.dimension()).isEqualTo(384);
            List<float[]> expected = SharedMiniLm.embedder().embed(TEXTS);
            List<float[]> actual = embedder.embed(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertClose(actual.get(i), expected.get(i));
            }
        }
    }

    @Test
    void poolingIsConfiguration() {
        SentenceModelOptions clsPooling = SentenceModelOptions.allMiniLmL6V2()
                .withPooling(Pooling.CLS)
                .withIntraOpThreads(1);

        try (OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(clsPooling)) {
            float[] cls = embedder.embed(TEXTS.getFirst());
            float[] mean = SharedMiniLm.embedder().embed(TEXTS.getFirst());

            assertThat(Math.sqrt(Vectors.dot(cls, cls))).isCloseTo(1.0, within(1e-5));
            assertThat(Vectors.dot(cls, mean)).isLessThan(0.999);
        }
    }

    private Path copyResource(String resource, String fileName) throws IOException {
        Path target = modelDirectory.resolve(fileName);
        try (InputStream in = new ResourceLocation.Classpath(resource).open()) {
            Files.copy(in, target);
        }
        return target;
    }
}
