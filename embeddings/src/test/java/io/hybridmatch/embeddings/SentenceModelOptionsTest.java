package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SentenceModelOptionsTest {

    @Test
    void defaultIsMiniLmFromTheClasspath() {
        SentenceModelOptions options = SentenceModelOptions.allMiniLmL6V2();

        assertThat(options.modelId()).isEqualTo("all-minilm-l6-v2");
        assertThat(options.onnxModel()).hasToString("classpath:all-minilm-l6-v2.onnx");
        assertThat(options.tokenizer()).hasToString("classpath:all-minilm-l6-v2-tokenizer.json");
        assertThat(options.pooling()).isEqualTo(Pooling.MEAN);
        assertThat(options.normalise()).isTrue();
        assertThat(options.intraOpThreads()).isBetween(1, 4);
    }

    @Test
    void parsesClasspathAndFileLocations() {
        assertThat(ResourceLocation.parse("classpath:/models/e5.onnx"))
                .isEqualTo(new ResourceLocation.Classpath("models/e5.onnx"));
        assertThat(ResourceLocation.parse("/opt/models/e5.onnx"))
                .isEqualTo(new ResourceLocation.File(Path.of("/opt/models/e5.onnx")));
    }

    @Test
    void rejectsNonsensicalTuning() {
        SentenceModelOptions options = SentenceModelOptions.allMiniLmL6V2();

        assertThatThrownBy(() -> options.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withMaxSequenceLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withIntraOpThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withModel(" ", options.onnxModel(), options.tokenizer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingModelFailsWithItsLocation() {
        SentenceModelOptions missing = SentenceModelOptions.allMiniLmL6V2().withModel("missing",
                ResourceLocation.parse("classpath:no-such-model.onnx"),
                ResourceLocation.parse("classpath:all-minilm-l6-v2-tokenizer.json"));

        assertThatThrownBy(() -> new OnnxSentenceEmbedder(missing))
                .hasMessageContaining("no-such-model.onnx");
    }
}
