package io.hybridmatch.embeddings;

/**
 * The sentence model as a deployment configures it ({@code hybridmatch.embeddings.*}), bound by the engine and the
 * worker alike: both sides must embed with one model, so they read it from the same record, with the same defaults
 * (written here once; the YAML files only override). Without {@code onnxModel} a bundled model is used by id; another
 * ONNX sentence model is a matter of {@code onnx-model}, {@code tokenizer} and {@code model-id}
 * ({@code classpath:} or file locations).
 *
 * @param modelId           a bundled model ({@code all-minilm-l6-v2}, the default, or {@code all-minilm-l6-v2-q}),
 *                          or the name of the model {@code onnxModel} holds
 * @param cacheSize         texts whose vectors are kept in memory ({@link CachingTextEmbedder})
 */
public record EmbeddingSettings(String modelId, String onnxModel, String tokenizer, Integer maxSequenceLength,
                                Integer batchSize, Integer intraOpThreads, Long cacheSize) {

    public static final String DEFAULT_MODEL_ID = "all-minilm-l6-v2";
    public static final long DEFAULT_CACHE_SIZE = 20_000;

    public EmbeddingSettings {
        if (onnxModel == null && (modelId == null || modelId.isBlank())) {
            modelId = DEFAULT_MODEL_ID;
        }
        if (onnxModel != null && (modelId == null || tokenizer == null)) {
            throw new IllegalArgumentException("hybridmatch.embeddings.onnx-model needs model-id and tokenizer set as well");
        }
        cacheSize = cacheSize == null ? DEFAULT_CACHE_SIZE : cacheSize;
    }

    /** The bundled default model, default cache. */
    public static EmbeddingSettings defaults() {
        return new EmbeddingSettings(null, null, null, null, null, null, null);
    }

    /** What {@link OnnxSentenceEmbedder} needs to load the model. */
    public SentenceModelOptions modelOptions() {
        SentenceModelOptions options = onnxModel == null ? SentenceModelOptions.bundled(modelId)
                : SentenceModelOptions.allMiniLmL6V2().withModel(modelId, ResourceLocation.parse(onnxModel),
                        ResourceLocation.parse(tokenizer));
        if (maxSequenceLength != null) {
            options = options.withMaxSequenceLength(maxSequenceLength);
        }
        if (batchSize != null) {
            options = options.withBatchSize(batchSize);
        }
        if (intraOpThreads != null) {
            options = options.withIntraOpThreads(intraOpThreads);
        }
        return options;
    }
}
