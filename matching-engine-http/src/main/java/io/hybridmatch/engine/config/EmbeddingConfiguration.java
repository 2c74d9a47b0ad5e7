package io.hybridmatch.engine.config;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.ResourceLocation;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.monitoring.MeteredTextEmbedder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    CachingTextEmbedder textEmbedder(HybridmatchProperties properties, MeterRegistry registry) {
        return new CachingTextEmbedder(new MeteredTextEmbedder(
                new OnnxSentenceEmbedder(modelOptions(properties.embeddings())), registry),
                properties.embeddings().cacheSize());
    }

    static SentenceModelOptions modelOptions(HybridmatchProperties.Embeddings config) {
        SentenceModelOptions options = SentenceModelOptions.allMiniLmL6V2();
        if (config.onnxModel() == null && config.modelId() != null) {
            options = SentenceModelOptions.bundled(config.modelId());
        } else if (config.onnxModel() != null) {
            if (config.modelId() == null || config.tokenizer() == null) {
                throw new IllegalStateException(
                        "hybridmatch.embeddings.onnx-model needs model-id and tokenizer set as well");
            }
            options = options.withModel(config.modelId(), ResourceLocation.parse(config.onnxModel()),
                    ResourceLocation.parse(config.tokenizer()));
        }
        if (config.maxSequenceLength() != null) {
            options = options.withMaxSequenceLength(config.maxSequenceLength());
        }
        if (config.batchSize() != null) {
            options = options.withBatchSize(config.batchSize());
        }
        if (config.intraOpThreads() != null) {
            options = options.withIntraOpThreads(config.intraOpThreads());
        }
        return options;
    }
}
