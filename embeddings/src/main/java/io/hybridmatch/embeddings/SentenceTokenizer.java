package io.hybridmatch.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Hugging Face tokenizer (Rust, via DJL) that truncates each text and pads a batch to its longest member. */
final class SentenceTokenizer implements AutoCloseable {

    static {
        // The native library is inside the DJL jar: offline mode forbids DJL any download attempt and skips its
        // usage ping to the EC2 metadata endpoint. An explicit setting (-Dai.djl.offline, DJL_OFFLINE) wins.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;

    SentenceTokenizer(ResourceLocation location, int maxSequenceLength) {
        // Overrides whatever truncation/padding tokenizer.json carries (MiniLM's pads every text to 128 tokens):
        // padding to the longest text of the batch wastes no compute on short texts.
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "longest",
                "maxLength", Integer.toString(maxSequenceLength));
        try (InputStream json = location.open()) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load tokenizer " + location, e);
        }
    }

    TokenBatch encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int size = encodings.length;
        int length = encodings[0].getIds().length;
        long[] ids = new long[size * length];
        long[] mask = new long[size * length];
        long[] types = new long[size * length];
        for (int row = 0; row < size; row++) {
            Encoding encoding = encodings[row];
            System.arraycopy(encoding.getIds(), 0, ids, row * length, length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, length);
            System.arraycopy(encoding.getTypeIds(), 0, types, row * length, length);
        }
        return new TokenBatch(size, length, ids, mask, types);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
