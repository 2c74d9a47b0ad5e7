package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceTokenizerTest {

    private static final ResourceLocation MINILM_TOKENIZER = SentenceModelOptions.allMiniLmL6V2().tokenizer();

    @Test
    void padsABatchToItsLongestTextNotToTheFileDefault() {
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(MINILM_TOKENIZER, 256)) {
            TokenBatch batch = tokenizer.encode(List.of("Java", "senior Java developer"));

            // [CLS] senior java developer [SEP]; tokenizer.json alone would pad both rows to 128.
            assertThat(batch.sequenceLength()).isEqualTo(5);
            assertThat(batch.attentionMask()).containsExactly(1, 1, 1, 0, 0, 1, 1, 1, 1, 1);
            assertThat(batch.inputIds()).hasSize(10);
            assertThat(batch.tokenTypeIds()).containsOnly(0L);
        }
    }

    @Test
    void truncatesToTheConfiguredLength() {
        try (SentenceTokenizer tokenizer = new SentenceTokenizer(MINILM_TOKENIZER, 16)) {
            TokenBatch batch = tokenizer.encode(List.of("Java Spring Kafka ".repeat(50)));

            assertThat(batch.sequenceLength()).isEqualTo(16);
        }
    }
}
