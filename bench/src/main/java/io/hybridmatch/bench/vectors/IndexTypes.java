package io.hybridmatch.bench.vectors;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissStoreTuning;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Memory, recall@10 and latency of FAISS index types on the same vectors, each built through {@link FaissVectorStore}
 * (ids 1..n in order): memory is the size of the index FAISS writes (its in-memory structures, serialised), per
 * million vectors; recall@10 is against exact search ({@link ExactNeighbours}: by id and tie-aware); latency is one
 * query at a time on one thread, after a warm-up pass. Each factory is built once and searched with each of its
 * search settings; with a filter, the same queries again with the allowed ids of every {@code 100 / percent}-th
 * vector (what the matching engine passes: the ids its keyword side let through).
 */
public final class IndexTypes {

    static final int K = 10;
    /** One snapshot at close: the write-ahead log would otherwise rewrite the growing index again and again. */
    private static final FaissStoreTuning ONE_SNAPSHOT = new FaissStoreTuning(0.2, 1_000, 20_000, 39, 16L << 30);

    /** An index type and its search setting ({@code efSearch} for HNSW, {@code nprobe} for IVF; 0 when neither). */
    public record Variant(String factory, int efSearch, int nprobe) {

        String label() {
            return factory + (factory.startsWith("HNSW") ? ", efSearch " + efSearch
                    : factory.startsWith("IVF") ? ", nprobe " + nprobe : "");
        }
    }

    /** One variant under one filter ("none" or a percentage). */
    public record Measured(Variant variant, String filter, long vectors, double mibPerMillion,
                           ExactNeighbours.Recall recall, double meanMs, double p99Ms, double buildSeconds) {

        public String factory() {
            return variant.factory();
        }
    }

    /** What the exact search found hard to tell apart: the queries with ties at the k-th distance, duplicate vectors. */
    public record Ties(int queries, int queriesTiedBeyondK, double meanTiedBeyondK, long vectors, long distinctVectors) {
    }

    /** The measured rows and the ties of the unfiltered exact search. */
    public record Result(List<Measured> measured, Ties ties) {
    }

    private IndexTypes() {
    }

    /** The IVF list count for {@code n} vectors: the power of two nearest √(2n) (1,024 at a million). */
    public static int ivfLists(long n) {
        return Math.max(16, Integer.highestOneBit((int) Math.round(Math.sqrt((double) n) * Math.sqrt(2))));
    }

    /**
     * HNSW32 (the default) at each of {@code efSearches}, IVF with flat codes and IVF with 48-byte product-quantised
     * codes ({@code np}: without FAISS's polysemous training, which only Hamming-distance search uses), both at
     * nprobe 16, with {@code lists} lists.
     */
    public static List<Variant> variants(int lists, int... efSearches) {
        List<Variant> out = new ArrayList<>();
        for (int efSearch : efSearches) {
            out.add(new Variant("HNSW32,Flat", efSearch, 0));
        }
        out.add(new Variant("IVF" + lists + ",Flat", 0, 16));
        out.add(new Variant("IVF" + lists + ",PQ48np", 0, 16));
        return out;
    }

    /** Flat (exact) and then {@code variants}; {@code filterPercent} 0 for unfiltered searches only. */
    public static Result run(float[][] vectors, List<float[]> queries, Path work, List<Variant> variants,
                             int filterPercent) {
        List<VectorRecord> records = IntStream.range(0, vectors.length)
                .mapToObj(i -> new VectorRecord(i + 1, vectors[i])).toList();
        Map<String, ExactNeighbours> truths = new LinkedHashMap<>();
        truths.put("none", ExactNeighbours.of(records, queries, K, null));
        long[] allowed = filterPercent <= 0 ? null
                : records.stream().mapToLong(VectorRecord::id).filter(id -> id % (100 / filterPercent) == 0).toArray();
        if (allowed != null) {
            truths.put(filterPercent + " %", ExactNeighbours.of(records, queries, K, allowed));
        }
        Map<String, List<Variant>> byFactory = new LinkedHashMap<>();
        Stream.concat(Stream.of(new Variant("Flat", 0, 0)), variants.stream())
                .forEach(v -> byFactory.computeIfAbsent(v.factory(), f -> new ArrayList<>()).add(v));
        List<Measured> out = new ArrayList<>();
        byFactory.forEach((factory, settings) -> {
            Path dir = work.resolve(factory.replace(',', '_'));
            double build = build(dir, spec(settings.getFirst(), vectors[0].length), records);
            double mibPerMillion = indexBytes(dir) / (double) (1 << 20) * 1e6 / vectors.length;
            for (Variant variant : settings) {
                try (FaissVectorStore store = FaissVectorStore.open(dir, spec(variant, vectors[0].length), ONE_SNAPSHOT)) {
                    truths.forEach((filter, truth) -> {
                        Function<float[], VectorQuery> query = q -> filter.equals("none")
                                ? VectorQuery.of(q, K) : VectorQuery.within(q, K, allowed);
                        long[] nanos = new long[queries.size()];
                        answers(store, queries, query, nanos); // warm-up: the index was just read from disk
                        long[][] answers = answers(store, queries, query, nanos);
                        Arrays.sort(nanos);
                        out.add(new Measured(variant, filter, vectors.length, mibPerMillion, truth.recall(answers),
                                Arrays.stream(nanos).average().orElse(0) / 1e6,
                                nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)] / 1e6, build));
                    });
                }
            }
            FileSystemUtils.deleteRecursively(dir.toFile());
        });
        int[] tied = truths.get("none").tiedBeyondK();
        Ties ties = new Ties(tied.length, (int) Arrays.stream(tied).filter(t -> t > 0).count(),
                Arrays.stream(tied).average().orElse(0), vectors.length,
                Arrays.stream(vectors).map(FloatArray::new).distinct().count());
        return new Result(out, ties);
    }

    /** The first occurrence of each distinct vector, in order. */
    public static float[][] distinct(float[][] vectors) {
        return Arrays.stream(vectors).map(FloatArray::new).distinct().map(FloatArray::values).toArray(float[][]::new);
    }

    /** A Markdown table of the rows and a line on the ties. */
    public static String table(Result result) {
        StringBuilder out = new StringBuilder(String.format("%n| index | filter | vectors | MiB per million vectors "
                + "| recall@10 tie-aware | recall@10 by id | mean ms | p99 ms | build s |%n"
                + "|---|---|---|---|---|---|---|---|---|%n"));
        for (Measured m : result.measured()) {
            out.append(String.format("| %s | %s | %,d | %.0f | %.3f | %.3f | %.3f | %.3f | %.0f |%n", m.variant().label(),
                    m.filter(), m.vectors(), m.mibPerMillion(), m.recall().tieAware(), m.recall().byId(), m.meanMs(),
                    m.p99Ms(), m.buildSeconds()));
        }
        Ties t = result.ties();
        out.append(String.format("%nties: %d of %d queries have vectors beyond their exact top %d as close as its %d-th "
                        + "(%.1f such vectors per query on average); %,d distinct vectors among %,d%n",
                t.queriesTiedBeyondK(), t.queries(), K, K, t.meanTiedBeyondK(), t.distinctVectors(), t.vectors()));
        return out.toString();
    }

    private static FaissIndexSpec spec(Variant variant, int dimension) {
        return new FaissIndexSpec("v", dimension, Metric.INNER_PRODUCT, variant.factory(), variant.efSearch(),
                variant.nprobe());
    }

    /** Upserts every record in batches of 10,000 and closes (one snapshot); seconds taken. */
    private static double build(Path dir, FaissIndexSpec spec, List<VectorRecord> records) {
        long start = System.nanoTime();
        try (FaissVectorStore store = FaissVectorStore.open(dir, spec, ONE_SNAPSHOT)) {
            for (int i = 0; i < records.size(); i += 10_000) {
                store.upsert(records.subList(i, Math.min(records.size(), i + 10_000)));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The ids each query gets, one search at a time, with each search's time in {@code nanos}. */
    public static long[][] answers(VectorStore store, List<float[]> queries, Function<float[], VectorQuery> query,
                            long[] nanos) {
        long[][] answers = new long[queries.size()][];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            List<VectorHit> hits = store.search(query.apply(queries.get(i)));
            nanos[i] = System.nanoTime() - t;
            answers[i] = hits.stream().mapToLong(VectorHit::id).toArray();
        }
        return answers;
    }

    private static long indexBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".faiss")).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vector compared by value, to count duplicates. */
    private record FloatArray(float[] values) {

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatArray other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
