package io.hybridmatch.worker.config;

import io.hybridmatch.indexing.IndexingUnavailableException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something the indexing tasks need but the worker need not build before it consumes (the embedding model, the
 * taxonomy behind the document normaliser: worker/README.md, "Start-up"): loaded by {@link #start()} in a thread of
 * its own (called once the consumers are up) or by the first caller of {@link #get()}, whichever comes first;
 * callers arriving meanwhile wait for that one load. A load that fails is reported to its callers as
 * {@link IndexingUnavailableException}, so their tasks are retried later instead of failing (it is the worker's
 * deployment, not the document's), and logged at ERROR; the next caller loads again, so what becomes loadable (a file
 * restored, memory freed) needs no restart. Retried tasks come back with back-off, which paces those loads.
 */
final class BackgroundLoad<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoad.class);

    private final String what;
    private final Callable<T> loader;
    /** The current load; a failed one is replaced by a fresh one by the caller that finds it failed. */
    private final AtomicReference<FutureTask<T>> load;

    /** @param what what is loaded, as log lines and exceptions name it */
    BackgroundLoad(String what, Callable<T> loader) {
        this.what = what;
        this.loader = loader;
        this.load = new AtomicReference<>(newLoad());
    }

    private FutureTask<T> newLoad() {
        return new FutureTask<>(() -> {
            try {
                return loader.call();
            } catch (Exception | Error e) {
                log.error("{} could not be loaded: indexing tasks are retried, and load it again", what, e);
                throw e;
            }
        });
    }

    /** Starts the load in a background thread, unless it has started already. */
    void start() {
        FutureTask<T> current = load.get();
        if (!current.isDone()) {
            Thread.ofPlatform().name("load " + what).daemon().start(current); // a no-op if the load has begun
        }
    }

    boolean loaded() {
        return load.get().state() == Future.State.SUCCESS;
    }

    /** What was loaded: loads it here unless a load has started, then waits for it. */
    @Override
    public T get() {
        FutureTask<T> current = load.get();
        current.run(); // FutureTask runs once: a no-op if the load has begun
        try {
            return current.get();
        } catch (ExecutionException e) {
            load.compareAndSet(current, newLoad()); // once per failed load, however many callers saw it fail
            throw new IndexingUnavailableException(what + " could not be loaded", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexingUnavailableException("interrupted while the " + what + " loads", e);
        } catch (CancellationException e) {
            throw new IllegalStateException(what + " closed", e);
        }
    }

    /** Never loads: a load not begun is cancelled; one begun is waited for and what it loaded given to close. */
    void close(Consumer<? super T> close) {
        FutureTask<T> current = load.get();
        if (!current.cancel(false)) { // not cancelled: started, maybe still loading
            try {
                close.accept(current.get());
            } catch (ExecutionException e) {
                // never loaded: nothing to release
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
