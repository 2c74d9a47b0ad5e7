package io.hybridmatch.worker.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns the small calls of concurrent tasks into one call of a batch function: each caller blocks until its own
 * items are done, so a task still finishes (and is acknowledged) only once its work is. A dispatcher thread takes the
 * first waiting call, gathers the calls arriving within {@code linger} or until {@code maxItems} items, makes one
 * batch call and hands each caller its slice of the answer. While a batch runs the next calls queue up, so under load
 * batches form without waiting; the linger only matters when calls trickle in.
 *
 * <p>With several dispatchers, batches overlap: one gathers and runs the next batch while the others' run, so the
 * steps of a batch that wait on other processes (a store's round trip) leave the cores to another batch's
 * computing. Only one dispatcher gathers at a time. Batches running together may hold items the batch function must
 * order itself (two versions of one document): it must be safe to call concurrently, as from two processes.
 *
 * <p>When a batch call fails with a cause every caller shares (a store that is down: {@code sharedFailure}), each
 * caller gets that exception. Any other failure of a batch of several callers is retried caller by caller, so only
 * the caller whose input caused it sees an exception.
 *
 * @param <I> an item (a text, a vector record)
 * @param <O> its result, in the same position
 */
public final class MicroBatcher<I, O> implements AutoCloseable {

    private record Call<I, O>(List<I> items, CompletableFuture<List<O>> result) {
    }

    private final Function<List<I>, List<O>> batchFunction;
    private final Predicate<RuntimeException> sharedFailure;
    private final int maxItems;
    private final long lingerNanos;
    private final BlockingDeque<Call<I, O>> waiting = new LinkedBlockingDeque<>();
    private final Lock gathering = new ReentrantLock();
    private final List<Thread> dispatchers;
    private volatile boolean closed;

    /**
     * @param batchFunction answers a list of items with one result per item, in order
     * @param maxItems      the most items gathered into one batch call (a single larger call is passed whole)
     * @param linger        how long the first call of a batch waits for company
     * @param dispatchers   the most batches run at once
     * @param sharedFailure failures that are not any one caller's doing: passed to every caller of the batch
     */
    public MicroBatcher(String name, Function<List<I>, List<O>> batchFunction, int maxItems, Duration linger,
                        int dispatchers, Predicate<RuntimeException> sharedFailure) {
        if (maxItems < 1 || linger.isNegative() || dispatchers < 1) {
            throw new IllegalArgumentException("maxItems and dispatchers must be positive and linger not negative");
        }
        this.batchFunction = batchFunction;
        this.sharedFailure = sharedFailure;
        this.maxItems = maxItems;
        this.lingerNanos = linger.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < dispatchers; i++) {
            threads.add(Thread.ofPlatform().daemon().name("micro-batcher-" + name + "-" + i).start(this::dispatch));
        }
        this.dispatchers = List.copyOf(threads);
    }

    /** The results of {@code items}, in order, once the batch holding them is done; its exception otherwise. */
    public List<O> submit(List<I> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new IllegalStateException("the micro-batcher is closed");
        }
        Call<I, O> call = new Call<>(List.copyOf(items), new CompletableFuture<>());
        waiting.add(call);
        try {
            return call.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void dispatch() {
        while (!closed) {
            List<Call<I, O>> batch;
            gathering.lock();
            try {
                Call<I, O> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                batch = first == null ? List.of() : gather(first);
            } catch (InterruptedException e) {
                break;
            } finally {
                gathering.unlock();
            }
            if (!batch.isEmpty()) {
                run(batch);
            }
        }
        Call<I, O> left;
        while ((left = waiting.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("the micro-batcher is closed"));
        }
    }

    /** The calls of one batch, from {@code first} on; the caller holds {@link #gathering}. */
    private List<Call<I, O>> gather(Call<I, O> first) {
        List<Call<I, O>> batch = new ArrayList<>();
        batch.add(first);
        int items = first.items().size();
        long deadline = System.nanoTime() + lingerNanos;
        while (items < maxItems) {
            Call<I, O> next;
            try {
                next = waiting.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the calls taken are run; the dispatcher stops after them
                break;
            }
            if (next == null) {
                break;
            }
            if (items + next.items().size() > maxItems) {
                waiting.offerFirst(next); // it does not fit: it opens the next batch
                break;
            }
            batch.add(next);
            items += next.items().size();
        }
        return batch;
    }

    private void run(List<Call<I, O>> batch) {
        List<I> all = new ArrayList<>();
        batch.forEach(call -> all.addAll(call.items()));
        List<O> results;
        try {
            results = batchFunction.apply(all);
        } catch (RuntimeException e) {
            if (batch.size() == 1 || sharedFailure.test(e)) {
                batch.forEach(call -> call.result().completeExceptionally(e));
            } else {
                batch.forEach(call -> run(List.of(call)));
            }
            return;
        } catch (Error e) {
            batch.forEach(call -> call.result().completeExceptionally(e));
            return;
        }
        int from = 0;
        for (Call<I, O> call : batch) {
            int to = from + call.items().size();
            call.result().complete(List.copyOf(results.subList(from, to)));
            from = to;
        }
    }

    /** Calls queued and not yet taken into a batch. */
    int waiting() {
        return waiting.size();
    }

    /** Stops taking calls; the batches in progress finish, calls still waiting fail. */
    @Override
    public void close() {
        closed = true;
        try {
            for (Thread dispatcher : dispatchers) {
                dispatcher.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
