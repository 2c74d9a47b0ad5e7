package io.hybridmatch.engine.config;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Publishes the embedding cache's counters; the hit rate over a window is rate(hits) / (rate(hits) + rate(misses)). */
@Component
class EmbeddingCacheMetrics implements MeterBinder {

    private final CachingTextEmbedder embedder;

    EmbeddingCacheMetrics(CachingTextEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String model = embedder.modelId();
        FunctionCounter.builder("hybridmatch.embedding.cache.requests", embedder, e -> e.stats().hits())
                .tag("model", model).tag("result", "hit")
                .description("Texts answered from the embedding cache").register(registry);
        FunctionCounter.builder("hybridmatch.embedding.cache.requests", embedder, e -> e.stats().misses())
                .tag("model", model).tag("result", "miss")
                .description("Texts sent to the model").register(registry);
        Gauge.builder("hybridmatch.embedding.cache.size", embedder, e -> e.stats().size())
                .tag("model", model).description("Cached texts").register(registry);
        Gauge.builder("hybridmatch.embedding.cache.hit.ratio", embedder, e -> e.stats().hitRate())
                .tag("model", model).description("Share of texts answered from the cache since start").register(registry);
    }
}
