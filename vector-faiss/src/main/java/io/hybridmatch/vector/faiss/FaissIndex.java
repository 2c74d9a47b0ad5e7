package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.faiss.binding.FaissNative;
import io.hybridmatch.vector.faiss.binding.FaissNative.IndexPointer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One FAISS index owned by Java: checked arguments, FAISS errors as {@link FaissException}, and the native memory
 * freed by {@link #close()} (not by the garbage collector, whose timing is unrelated to native memory pressure).
 *
 * <p>Not synchronised. FAISS allows concurrent {@code search}/{@code reconstruct} calls but nothing concurrent with
 * a write ({@code add}, {@code train}, {@code removeIds}); {@link FaissVectorStore} enforces that with a lock.
 * Labels are FAISS's int64 ids: positions in insertion order after {@link #add}, caller-chosen after {@link #addWithIds}.
 */
public final class FaissIndex implements AutoCloseable {

    /** Search result arrays of {@code n * k}: label -1 marks an empty slot (fewer than k candidates). */
    public record SearchResult(float[] scores, long[] labels) {
    }

    private IndexPointer pointer;

    private FaissIndex(IndexPointer pointer) {
        if (pointer == null || pointer.isNull()) {
            throw new FaissException("FAISS returned no index");
        }
        this.pointer = pointer;
    }

    /** {@code description} is an {@code index_factory} string: "HNSW32,Flat", "IVF1024,Flat", "Flat", ... */
    public static FaissIndex create(int dimension, String description, Metric metric) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        Objects.requireNonNull(description, "description");
        return new FaissIndex(call(() -> FaissNative.create_index(dimension, description, metricCode(metric))));
    }

    public static FaissIndex read(Path file) {
        return new FaissIndex(call(() -> FaissNative.read_index(file.toString())));
    }

    public void write(Path file) {
        IndexPointer p = open();
        run(() -> FaissNative.write_index(p, file.toString()));
    }

    public int dimension() {
        return FaissNative.dimension(open());
    }

    public Metric metric() {
        return FaissNative.metric(open()) == 0 ? Metric.INNER_PRODUCT : Metric.L2;
    }

    /** Vectors held, including ones the caller considers deleted. */
    public long count() {
        return FaissNative.ntotal(open());
    }

    public boolean isTrained() {
        return FaissNative.is_trained(open());
    }

    /** {@code vectors} holds {@code n = vectors.length / dimension} vectors back to back. */
    public void train(float[] vectors) {
        long n = rows(vectors);
        IndexPointer p = open();
        run(() -> FaissNative.train(p, n, vectors));
    }

    /** Adds vectors under the next sequential labels ({@link #count()} before the call, onwards). */
    public void add(float[] vectors) {
        long n = rows(vectors);
        IndexPointer p = open();
        run(() -> FaissNative.add(p, n, vectors));
    }

    /** Adds vectors under caller labels; index types that keep no id map (HNSW, Flat) refuse it. */
    public void addWithIds(float[] vectors, long[] labels) {
        long n = rows(vectors);
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " vectors");
        }
        IndexPointer p = open();
        run(() -> FaissNative.add_with_ids(p, n, vectors, labels));
    }

    /** Removes labels in place where the index type supports it (IVF, Flat; FAISS 1.7.3's HNSW throws). */
    public long removeIds(long[] labels) {
        IndexPointer p = open();
        return call(() -> FaissNative.remove_ids(p, labels.length, labels));
    }

    /** Lets IVF indexes reconstruct vectors by label (keeps a direct map; labels must be sequential). */
    public void enableReconstruct() {
        IndexPointer p = open();
        run(() -> FaissNative.enable_reconstruct(p));
    }

    /**
     * The HNSW search breadth kept on the index (no effect on other types). FAISS 1.7.3 caps a search's candidate
     * queue at this value whatever {@link #search} asks, so set it to the breadth searches normally use.
     * Not safe while searches run.
     */
    public void setHnswEfSearch(int efSearch) {
        IndexPointer p = open();
        run(() -> FaissNative.set_hnsw_ef_search(p, efSearch));
    }

    public float[] reconstruct(long firstLabel, int n) {
        float[] out = new float[Math.multiplyExact(n, dimension())];
        IndexPointer p = open();
        run(() -> FaissNative.reconstruct_n(p, firstLabel, n, out));
        return out;
    }

    /**
     * k nearest neighbours of each query.
     *
     * @param selected  optional bitmap of the labels that may be returned (see {@link java.util.BitSet#toByteArray()})
     * @param efSearch  HNSW search breadth, {@code <= 0} for the index default
     * @param nprobe    IVF lists visited, {@code <= 0} for the index default
     */
    public SearchResult search(float[] queries, int k, byte[] selected, int efSearch, int nprobe) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        long n = rows(queries);
        float[] scores = new float[Math.multiplyExact((int) n, k)];
        long[] labels = new long[scores.length];
        IndexPointer p = open();
        run(() -> FaissNative.search(p, n, queries, k, scores, labels, selected,
                selected == null ? 0 : selected.length, efSearch, nprobe));
        return new SearchResult(scores, labels);
    }

    /** Exact metric values between one query and the stored vectors of the labels. */
    public float[] score(float[] query, long[] labels) {
        if (query.length != dimension()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index " + dimension());
        }
        float[] out = new float[labels.length];
        IndexPointer p = open();
        run(() -> FaissNative.score_labels(p, query, labels.length, labels, out));
        return out;
    }

    /** Threads FAISS's OpenMP loops (batch add, HNSW construction, multi-query search) may use, process-wide. */
    public static void setThreads(int threads) {
        FaissNative.set_threads(threads);
    }

    public static int threads() {
        return FaissNative.max_threads();
    }

    @Override
    public synchronized void close() {
        if (pointer != null) {
            FaissNative.free_index(pointer);
            pointer = null;
        }
    }

    private synchronized IndexPointer open() {
        if (pointer == null) {
            throw new IllegalStateException("FAISS index is closed");
        }
        return pointer;
    }

    private long rows(float[] vectors) {
        int d = dimension();
        if (vectors.length == 0 || vectors.length % d != 0) {
            throw new IllegalArgumentException(vectors.length + " floats is not a whole number of " + d + "-dimension vectors");
        }
        return vectors.length / d;
    }

    private static int metricCode(Metric metric) {
        return switch (metric) {
            case INNER_PRODUCT -> 0;
            case L2 -> 1;
        };
    }

    private static <T> T call(java.util.function.Supplier<T> nativeCall) {
        try {
            return nativeCall.get();
        } catch (FaissException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FaissException(e.getMessage(), e);
        }
    }

    private static void run(Runnable nativeCall) {
        call(() -> {
            nativeCall.run();
            return null;
        });
    }
}
