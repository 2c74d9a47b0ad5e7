package io.hybridmatch.worker.config;

import io.hybridmatch.embeddings.TextEmbedder;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The embedding model kept off the worker's start-up path ({@link BackgroundLoad}): creating the ONNX session took a
 * third of the start-up (worker/README.md, "Start-up"), and an autoscaled worker should consume as soon as it can.
 */
final class BackgroundLoadedEmbedder implements TextEmbedder {

    private final String modelId;
    private final BackgroundLoad<TextEmbedder> model;

    BackgroundLoadedEmbedder(String modelId, Callable<TextEmbedder> loader) {
        this.modelId = modelId;
        this.model = new BackgroundLoad<>("embedding model " + modelId, loader);
    }

    /** Starts the load in a background thread, unless it has started already. */
    void startLoading() {
        model.start();
    }

    /** Whether the model has been loaded. */
    boolean loaded() {
        return model.loaded();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return model.get().dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return model.get().embed(texts);
    }

    @Override
    public void forget(Collection<String> texts) {
        if (loaded()) {
            model.get().forget(texts);
        }
    }

    @Override
    public void close() {
        model.close(TextEmbedder::close);
    }
}
