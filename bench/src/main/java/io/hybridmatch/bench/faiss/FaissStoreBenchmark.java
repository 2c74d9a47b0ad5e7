package io.hybridmatch.bench.faiss;

import io.hybridmatch.bench.vectors.ClusteredVectors;
import io.hybridmatch.bench.vectors.ExactNeighbours;
import io.hybridmatch.bench.vectors.IndexTypes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Load driver for {@link FaissVectorStore} (through the store, so WAL fsyncs, label mapping and filters count):
 * insert time, single-thread search latency and recall@10 against exact search ({@link ExactNeighbours}: tie-aware,
 * by id in brackets), for Flat, HNSW and IVF, plus
 * filtered searches. Data: synthetic unit vectors of low intrinsic dimension in 1,000 clusters, like sentence
 * embeddings (uniform random vectors in 384 dimensions have no meaningful nearest neighbours: every index, HNSW
 * included, gets poor recall on them, which says nothing about real embeddings).
 *
 * <p>Usage: {@code FaissStoreBenchmark [vectors=100000] [dimension=384] [queries=500]}
 */
public final class FaissStoreBenchmark {

    private static final int K = 10;

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        int queryCount = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        ClusteredVectors data = new ClusteredVectors(42, d, 1_000);
        List<VectorRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new VectorRecord(i, data.next()));
        }
        List<float[]> queries = Stream.generate(data::next).limit(queryCount).toList();
        Path root = Files.createTempDirectory("faiss-bench");
        System.out.printf("FaissStoreBenchmark: %,d vectors x %d dims, %d queries, k=%d, %d cores%n%n",
                n, d, queryCount, K, Runtime.getRuntime().availableProcessors());

        ExactNeighbours truth = ExactNeighbours.of(records, queries, K, null);
        try (FaissVectorStore store = load(root, spec(d, "Flat", 0, 0), records)) {
            report(store, queries, truth, "exact (Flat)", q -> VectorQuery.of(q, K));
        }
        for (String factory : List.of("HNSW32,Flat", "IVF1024,Flat")) {
            boolean hnsw = factory.startsWith("HNSW");
            load(root, spec(d, factory, 64, 16), records).close();
            for (int knob : hnsw ? new int[]{16, 64, 128} : new int[]{8, 16, 64}) {
                FaissIndexSpec tuned = hnsw ? spec(d, factory, knob, 0) : spec(d, factory, 0, knob);
                try (FaissVectorStore store = FaissVectorStore.open(root.resolve(factory), tuned)) {
                    report(store, queries, truth, factory + (hnsw ? " efSearch=" : " nprobe=") + knob,
                            q -> VectorQuery.of(q, K));
                }
            }
        }
        filtered(root, d, records, queries);
        System.out.printf("%nIndex files: %s%n", sizes(root));
    }

    /** Filters that let 1% (exact scoring of the allowed ids) and 30% (bitmap-restricted HNSW walk) through. */
    private static void filtered(Path root, int d, List<VectorRecord> records, List<float[]> queries) {
        for (int percent : new int[]{1, 30}) {
            long[] allowed = records.stream().mapToLong(VectorRecord::id).filter(id -> id % 100 < percent).toArray();
            Function<float[], VectorQuery> filter = q -> VectorQuery.within(q, K, allowed);
            ExactNeighbours truth = ExactNeighbours.of(records, queries, K, allowed);
            try (FaissVectorStore store = FaissVectorStore.open(root.resolve("HNSW32,Flat"), spec(d, "HNSW32,Flat", 64, 0))) {
                report(store, queries, truth, "HNSW32 efSearch=64, filter passing " + percent + "%", filter);
            }
        }
    }

    private static FaissIndexSpec spec(int d, String factory, int efSearch, int nprobe) {
        return new FaissIndexSpec("bench", d, Metric.INNER_PRODUCT, factory, efSearch, nprobe);
    }

    private static FaissVectorStore load(Path root, FaissIndexSpec spec, List<VectorRecord> records) {
        FaissVectorStore store = FaissVectorStore.open(root.resolve(spec.factory()), spec);
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i += 1_000) {
            store.upsert(records.subList(i, Math.min(records.size(), i + 1_000)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-42s insert %,d in %.1f s (%,.0f vectors/s, batches of 1,000, fsync each)%n",
                spec.factory(), records.size(), seconds, records.size() / seconds);
        return store;
    }

    private static void report(FaissVectorStore store, List<float[]> queries, ExactNeighbours truth, String label,
                               Function<float[], VectorQuery> query) {
        queries.forEach(q -> store.search(query.apply(q))); // warm-up: page in the index just read from disk
        long[] nanos = new long[queries.size()];
        long[][] answers = IndexTypes.answers(store, queries, query, nanos);
        Arrays.sort(nanos);
        double meanMs = Arrays.stream(nanos).average().orElse(0) / 1e6;
        ExactNeighbours.Recall recall = truth.recall(answers);
        System.out.printf("%-42s recall@10 %.3f (by id %.3f)  mean %.3f ms  p50 %.3f ms  p99 %.3f ms  %,.0f queries/s/thread%n",
                label, recall.tieAware(), recall.byId(), meanMs, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6, 1e3 / meanMs);
    }

    private static String sizes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".faiss"))
                    .map(p -> p.getParent().getFileName() + " " + size(p) / (1 << 20) + " MiB")
                    .sorted().toList().toString();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
