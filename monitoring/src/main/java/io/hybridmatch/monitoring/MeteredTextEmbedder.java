package io.hybridmatch.monitoring;

import io.hybridmatch.embeddings.TextEmbedder;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.List;

/**
 * Model-call metrics: {@code hybridmatch_embedding_seconds{model}} (latency of one call) and
 * {@code hybridmatch_embedding_batch_texts{model}} (texts per call). Placed under the cache, it sees what the model
 * really computes.
 */
public final class MeteredTextEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final Timer latency;
    private final DistributionSummary batch;

    public MeteredTextEmbedder(TextEmbedder delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.latency = Timer.builder("hybridmatch.embedding").tag("model", delegate.modelId())
                .description("one call of the sentence model").publishPercentileHistogram().register(registry);
        this.batch = DistributionSummary.builder("hybridmatch.embedding.batch.texts").tag("model", delegate.modelId())
                .description("texts per model call").publishPercentileHistogram().register(registry);
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        batch.record(texts.size());
        return latency.record(() -> delegate.embed(texts));
    }

    @Override
    public void forget(Collection<String> texts) {
        delegate.forget(texts);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
