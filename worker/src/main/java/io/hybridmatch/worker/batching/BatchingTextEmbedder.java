package io.hybridmatch.worker.batching;

import io.hybridmatch.embeddings.TextEmbedder;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Embeds the texts of concurrent tasks in one model run ({@link MicroBatcher}): MiniLM embeds 64 texts in one run
 * about 2.5× faster than one at a time, and an indexing task is mostly that run. Owns the delegate.
 */
public final class BatchingTextEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final MicroBatcher<String, float[]> batcher;

    public BatchingTextEmbedder(TextEmbedder delegate, int maxTexts, Duration linger) {
        this.delegate = delegate;
        this.batcher = new MicroBatcher<>("embeddings", delegate::embed, maxTexts, linger);
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
        return batcher.submit(texts);
    }

    @Override
    public void forget(Collection<String> texts) {
        delegate.forget(texts);
    }

    @Override
    public void close() {
        batcher.close();
        delegate.close();
    }
}
