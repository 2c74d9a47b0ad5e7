package io.hybridmatch.bench.faiss;

import io.hybridmatch.bench.vectors.ClusteredVectors;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.faiss.FaissIndex;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java half of bench/faiss-parity/run: the same FAISS index searched through the binding ({@link FaissIndex})
 * and through {@link FaissVectorStore}, one query per call as the engine searches, against the C++ driver
 * (bench/faiss-parity/driver.cpp) on the same library, index file and queries.
 * <ul>
 *   <li>{@code prepare <dir> <vectors> <dimension> <queries> <efSearch>}: a store of HNSW32 vectors (ids 0..n-1, so
 *       labels and ids coincide) in {@code dir/store}, its snapshot's index copied to {@code dir/index.faiss}, the
 *       queries in {@code dir/queries.f32} (float32, little-endian);</li>
 *   <li>{@code search <dir> <k> <efSearch> <repeats>}: one warm-up pass, then {@code repeats} passes of each; prints
 *       the median seconds per pass as JSON and writes the hits of both to {@code dir/binding.*} and
 *       {@code dir/store.*} (labels/ids int64, scores float32), which the script compares with the driver's.</li>
 * </ul>
 */
public final class FaissParity {

    private FaissParity() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        FaissIndex.setThreads(1); // the driver too: one query per call, no OpenMP team
        switch (args[0]) {
            case "prepare" -> prepare(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "search" -> search(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("prepare or search: " + args[0]);
        }
    }

    private static FaissIndexSpec spec(int dimension, int efSearch) {
        return new FaissIndexSpec("parity", dimension, Metric.INNER_PRODUCT, "HNSW32,Flat", efSearch, 0);
    }

    private static void prepare(Path dir, int n, int dimension, int queries, int efSearch) throws IOException {
        ClusteredVectors vectors = new ClusteredVectors(13, dimension, 100);
        try (FaissVectorStore store = FaissVectorStore.open(dir.resolve("store"), spec(dimension, efSearch))) {
            for (int first = 0; first < n; first += 1000) {
                List<VectorRecord> batch = new ArrayList<>();
                for (int id = first; id < Math.min(n, first + 1000); id++) {
                    batch.add(new VectorRecord(id, vectors.next()));
                }
                store.upsert(batch);
            }
            store.checkpoint();
        }
        try (Stream<Path> files = Files.list(dir.resolve("store"))) {
            Path snapshot = files.filter(f -> f.getFileName().toString().endsWith(".faiss")).findFirst().orElseThrow();
            Files.copy(snapshot, dir.resolve("index.faiss"));
        }
        ByteBuffer out = ByteBuffer.allocate(queries * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int q = 0; q < queries; q++) {
            for (float x : vectors.next()) {
                out.putFloat(x);
            }
        }
        Files.write(dir.resolve("queries.f32"), out.array());
    }

    private static void search(Path dir, int k, int efSearch, int repeats) throws IOException {
        try (FaissIndex index = FaissIndex.read(dir.resolve("index.faiss"))) {
            int dimension = index.dimension();
            float[][] queries = queries(dir.resolve("queries.f32"), dimension);
            index.setHnswEfSearch(efSearch); // as the store does with its spec's efSearch
            try (FaissVectorStore store = FaissVectorStore.open(dir.resolve("store"), spec(dimension, efSearch))) {
                Hits binding = new Hits(queries.length, k);
                Hits stored = new Hits(queries.length, k);
                Runnable throughBinding = () -> {
                    for (int q = 0; q < queries.length; q++) {
                        FaissIndex.SearchResult result = index.search(queries[q], k, null, efSearch, 0);
                        binding.put(q, result.labels(), result.scores());
                    }
                };
                Runnable throughStore = () -> {
                    for (int q = 0; q < queries.length; q++) {
                        stored.put(q, store.search(VectorQuery.of(queries[q], k)));
                    }
                };
                throughBinding.run();
                throughStore.run();
                double[] bindingSeconds = new double[repeats];
                double[] storeSeconds = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    bindingSeconds[r] = seconds(throughBinding);
                    storeSeconds[r] = seconds(throughStore);
                }
                binding.write(dir.resolve("binding"));
                stored.write(dir.resolve("store"));
                System.out.printf("{\"queries\": %d, \"binding_seconds\": %.6f, \"store_seconds\": %.6f}%n",
                        queries.length, median(bindingSeconds), median(storeSeconds));
            }
        }
    }

    private static float[][] queries(Path file, int dimension) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[][] queries = new float[in.remaining() / Float.BYTES / dimension][dimension];
        for (float[] query : queries) {
            in.asFloatBuffer().get(query);
            in.position(in.position() + dimension * Float.BYTES);
        }
        return queries;
    }

    private static double seconds(Runnable pass) {
        long start = System.nanoTime();
        pass.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The k hits of each query, in the driver's layout: labels (or ids) int64, scores float32, -1 where none. */
    private static final class Hits {
        private final long[] labels;
        private final float[] scores;
        private final int k;

        Hits(int queries, int k) {
            this.k = k;
            this.labels = new long[queries * k];
            this.scores = new float[queries * k];
            Arrays.fill(labels, -1);
        }

        void put(int query, long[] found, float[] foundScores) {
            System.arraycopy(found, 0, labels, query * k, k);
            System.arraycopy(foundScores, 0, scores, query * k, k);
        }

        void put(int query, List<VectorHit> hits) {
            for (int i = 0; i < hits.size(); i++) {
                labels[query * k + i] = hits.get(i).id();
                scores[query * k + i] = hits.get(i).score();
            }
        }

        void write(Path prefix) throws IOException {
            ByteBuffer ids = ByteBuffer.allocate(labels.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer values = ByteBuffer.allocate(scores.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ids.asLongBuffer().put(labels);
            values.asFloatBuffer().put(scores);
            Files.write(Path.of(prefix + ".labels"), ids.array());
            Files.write(Path.of(prefix + ".scores"), values.array());
        }
    }
}
