package io.hybridmatch.worker.config;

import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.IndexingUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model kept off the worker's start-up path: creating the ONNX session took a third of the start-up
 * (worker/README.md, "Start-up"), and an autoscaled worker should consume as soon as it can. The model is loaded by
 * {@link #startLoading()} in a thread of its own (called once the consumers are up) or by the first caller that
 * needs it, whichever comes first; callers arriving meanwhile wait for that one load. A load that fails is reported
 * to its callers as {@link IndexingUnavailableException}, so their tasks are retried later instead of failing
 * (the model is the worker's deployment, not the document's), and logged at ERROR; the next caller loads again, so
 * a model that becomes loadable (a file restored, memory freed) needs no restart. Retried tasks come back with
 * back-off, which paces those loads.
 */
final class BackgroundLoadedEmbedder implements TextEmbedder {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoadedEmbedder.class);

    private final String modelId;
    private final Callable<TextEmbedder> loader;
    /** The current load; a failed one is replaced by a fresh one by the caller that finds it failed. */
    private final AtomicReference<FutureTask<TextEmbedder>> load;

    BackgroundLoadedEmbedder(String modelId, Callable<TextEmbedder> loader) {
        this.modelId = modelId;
        this.loader = loader;
        this.load = new AtomicReference<>(newLoad());
    }

    private FutureTask<TextEmbedder> newLoad() {
        return new FutureTask<>(() -> {
            try {
                return loader.call();
            } catch (Exception | Error e) {
                log.error("embedding model {} could not be loaded: indexing tasks are retried, and load it again", modelId, e);
                throw e;
            }
        });
    }

    /** Starts the load in a background thread, unless it has started already. */
    void startLoading() {
        FutureTask<TextEmbedder> current = load.get();
        if (!current.isDone()) {
            Thread.ofPlatform().name("embedding-model-load").daemon().start(current); // a no-op if the load has begun
        }
    }

    /** Whether the model has been loaded. */
    boolean loaded() {
        return load.get().state() == Future.State.SUCCESS;
    }

    private TextEmbedder model() {
        FutureTask<TextEmbedder> current = load.get();
        current.run(); // loads here unless a load has started (FutureTask runs once); then waits for it
        try {
            return current.get();
        } catch (ExecutionException e) {
            load.compareAndSet(current, newLoad()); // once per failed load, however many callers saw it fail
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
        FutureTask<TextEmbedder> current = load.get();
        if (!current.cancel(false)) { // not cancelled: started, maybe still loading
            try {
                current.get().close();
            } catch (ExecutionException e) {
                // never loaded: nothing to release
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
