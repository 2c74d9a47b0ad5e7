package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingSettingsTest {

    @Test
    void nothingConfiguredIsTheBundledMiniLmWithTheDefaultCache() {
        EmbeddingSettings settings = EmbeddingSettings.defaults();
        assertThat(settings.modelOptions()).isEqualTo(SentenceModelOptions.allMiniLmL6V2());
        assertThat(settings.cacheSize()).isEqualTo(EmbeddingSettings.DEFAULT_CACHE_SIZE);
    }

    @Test
    void aBundledModelByIdWithItsTuning() {
        SentenceModelOptions options = new EmbeddingSettings("all-minilm-l6-v2-q", null, null, 128, 8, 1, 500L)
                .modelOptions();
        assertThat(options.modelId()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(options.maxSequenceLength()).isEqualTo(128);
        assertThat(options.batchSize()).isEqualTo(8);
        assertThat(options.intraOpThreads()).isEqualTo(1);
    }

    @Test
    void anOnnxFileNeedsItsIdAndTokenizer() {
        assertThatThrownBy(() -> new EmbeddingSettings(null, "/models/m.onnx", null, null, null, null, null))
                .hasMessageContaining("onnx-model needs model-id and tokenizer");
    }
}
