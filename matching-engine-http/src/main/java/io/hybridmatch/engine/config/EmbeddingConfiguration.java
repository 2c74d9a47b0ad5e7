package io.hybridmatch.engine.config;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.monitoring.MeteredTextEmbedder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    CachingTextEmbedder textEmbedder(HybridmatchProperties properties, MeterRegistry registry) {
        return new CachingTextEmbedder(new MeteredTextEmbedder(
                new OnnxSentenceEmbedder(properties.embeddings().modelOptions()), registry),
                properties.embeddings().cacheSize());
    }
}
