package io.hybridmatch.bench.latency;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissStoreTuning;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Memory and recall@10 of FAISS index types on the same vectors, each built through {@link FaissVectorStore}:
 * memory is the size of the index FAISS writes (its in-memory structures, serialised), per million vectors;
 * recall@10 is against exact search (Flat) on the same queries.
 */
final class IndexTypes {

    static final int K = 10;

    record Measured(String factory, long vectors, double mibPerMillion, double recallAt10, double meanMs, double p99Ms,
                    double buildSeconds) {
    }

    private IndexTypes() {
    }

    /** The IVF list count for {@code n} vectors: the power of two nearest √n (1,024 at a million). */
    static int ivfLists(long n) {
        return Math.max(16, Integer.highestOneBit((int) Math.round(Math.sqrt((double) n) * Math.sqrt(2))));
    }

    /**
     * The factories compared: HNSW32 (the default), IVF with flat codes, IVF with 48-byte product-quantised codes
     * ({@code np}: without FAISS's polysemous training, which only Hamming-distance search uses).
     */
    static List<String> factories(long n) {
        int lists = ivfLists(n);
        return List.of("HNSW32,Flat", "IVF" + lists + ",Flat", "IVF" + lists + ",PQ48np");
    }

    static List<Measured> run(float[][] vectors, List<float[]> queries, Path work) throws IOException {
        int d = vectors[0].length;
        List<Measured> out = new ArrayList<>();
        long[][] truth = null;
        for (String factory : Stream.concat(Stream.of("Flat"), factories(vectors.length).stream()).toList()) {
            FaissIndexSpec spec = new FaissIndexSpec("v", d, Metric.INNER_PRODUCT, factory, 64, 16);
            Path dir = work.resolve(factory.replace(',', '_'));
            long start = System.nanoTime();
            // one snapshot at close: the write-ahead log would otherwise rewrite the growing index again and again
            FaissStoreTuning tuning = new FaissStoreTuning(0.2, 1_000, 20_000, 39, 16L << 30);
            try (FaissVectorStore store = FaissVectorStore.open(dir, spec, tuning)) {
                for (int i = 0; i < vectors.length; i += 10_000) {
                    List<VectorRecord> batch = new ArrayList<>();
                    for (int j = i; j < Math.min(vectors.length, i + 10_000); j++) {
                        batch.add(new VectorRecord(j + 1, vectors[j]));
                    }
                    store.upsert(batch);
                }
            }
            double build = (System.nanoTime() - start) / 1e9;
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.filter(p -> p.getFileName().toString().endsWith(".faiss")).mapToLong(IndexTypes::size).sum();
            }
            try (FaissVectorStore store = FaissVectorStore.open(dir, spec, tuning)) {
                long[][] answers = answers(store, queries); // also the warm-up: the index was just read from disk
                if (truth == null) {
                    truth = answers;
                }
                long[] nanos = new long[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    long t = System.nanoTime();
                    store.search(VectorQuery.of(queries.get(i), K));
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                out.add(new Measured(factory, vectors.length, bytes / (double) (1 << 20) * 1e6 / vectors.length,
                        recall(truth, answers), Arrays.stream(nanos).average().orElse(0) / 1e6,
                        nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6, build));
            }
            FileSystemUtils.deleteRecursively(dir);
        }
        return out;
    }

    private static long[][] answers(FaissVectorStore store, List<float[]> queries) {
        return queries.stream().map(q -> store.search(VectorQuery.of(q, K)).stream().mapToLong(VectorHit::id).toArray())
                .toArray(long[][]::new);
    }

    static double recall(long[][] truth, long[][] answers) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            Set<Long> expected = new HashSet<>();
            Arrays.stream(truth[i]).forEach(expected::add);
            sum += Arrays.stream(answers[i]).filter(expected::contains).count() / (double) Math.max(1, expected.size());
        }
        return sum / truth.length;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
