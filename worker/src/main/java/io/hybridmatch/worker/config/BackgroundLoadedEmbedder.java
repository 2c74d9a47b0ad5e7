package io.hybridmatch.worker.config;

import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.IndexingUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model kept off the worker's start-up path: creating the ONNX session took a third of the start-up
 * (worker/README.md, "Start-up"), and an autoscaled worker should consume as soon as it can. The model is loaded by
 * {@link #startLoading()} in a thread of its own (called once the consumers are up) or by the first caller that
 * needs it, whichever comes first; callers arriving meanwhile wait for that one load. A load that fails is reported
 * to every caller as {@link IndexingUnavailableException}, so their tasks are retried later instead of failing
 * (the model is the worker's deployment, not the document's), and logged at ERROR.
 */
final class BackgroundLoadedEmbedder implements TextEmbedder {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoadedEmbedder.class);

    private final String modelId;
    private final FutureTask<TextEmbedder> load;

    BackgroundLoadedEmbedder(String modelId, Callable<TextEmbedder> loader) {
        this.modelId = modelId;
        this.load = new FutureTask<>(() -> {
            try {
                return loader.call();
            } catch (Exception | Error e) {
                log.error("embedding model {} could not be loaded: indexing tasks are retried until it is", modelId, e);
                throw e;
            }
        });
    }

    /** Starts the load in a background thread, unless it has started already. */
    void startLoading() {
        if (!load.isDone()) {
            Thread.ofPlatform().name("embedding-model-load").daemon().start(load); // a no-op if the load has begun
        }
    }

    /** Whether the model has been loaded (or failed to load). */
    boolean loaded() {
        return load.isDone();
    }

    private TextEmbedder model() {
        load.run(); // loads here unless a load has started (FutureTask runs once); then waits for it
        try {
            return load.get();
        } catch (ExecutionException e) {
            throw new IndexingUnavailableException("embedding model " + modelId + " could not be loaded", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexingUnavailableException("interrupted while the embedding model " + modelId + " loads", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("embedder closed", e);
        }
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return model().dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return model().embed(texts);
    }

    @Override
    public void forget(Collection<String> texts) {
        if (loaded()) {
            model().forget(texts);
        }
    }

    @Override
    public void close() {
        if (!load.cancel(false)) { // not cancelled: started, maybe still loading
            try {
                load.get().close();
            } catch (ExecutionException e) {
                // never loaded: nothing to release
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
