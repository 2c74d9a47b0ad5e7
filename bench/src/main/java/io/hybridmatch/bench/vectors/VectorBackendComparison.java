package io.hybridmatch.bench.vectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.json.JsonData;
import io.hybridmatch.elasticsearch.local.LocalElasticsearch;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchOptions;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.ElasticsearchCredentials;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorStore;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * FAISS against Elasticsearch kNN on the same vectors and queries, both through their {@link VectorStore} (so the
 * FAISS log fsyncs and the Elasticsearch bulk requests, refreshes and HTTP count): insert rate (batches of 1,000),
 * single-thread search latency p50/p95/p99, recall@10 against exact search ({@link ExactNeighbours}: tie-aware and
 * by id), unfiltered and with a
 * filter passing 1 % and 30 % of the ids, and the bytes each keeps (FAISS index file; Elasticsearch's vector files
 * by kind, from the index's segment file sizes). Data: {@link ClusteredVectors}.
 *
 * <p>Usage: {@code VectorBackendComparison [vectors=100000] [dimension=384] [queries=500]}; Elasticsearch from
 * {@code ELASTICSEARCH_URL}, else an ephemeral local node (1 GB heap) started and stopped here.
 */
public final class VectorBackendComparison {

    private static final int K = 10;
    private static final int[] FILTER_PERCENTS = {1, 30};

    private final List<VectorRecord> records;
    private final List<float[]> queries;

    private VectorBackendComparison(List<VectorRecord> records, List<float[]> queries) {
        this.records = records;
        this.queries = queries;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        int queryCount = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        ClusteredVectors data = new ClusteredVectors(42, d, 1_000);
        List<VectorRecord> records = IntStream.range(0, n).mapToObj(i -> new VectorRecord(i, data.next())).toList();
        List<float[]> queries = Stream.generate(data::next).limit(queryCount).toList();
        System.out.printf("VectorBackendComparison: %,d vectors x %d dims, %d queries, k=%d, %d cores%n%n",
                n, d, queryCount, K, Runtime.getRuntime().availableProcessors());
        String url = System.getenv("ELASTICSEARCH_URL");
        if (url != null && !url.isBlank()) {
            new VectorBackendComparison(records, queries).run(URI.create(url));
        } else {
            try (LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral().withHeap("1g"))) {
                new VectorBackendComparison(records, queries).run(node.url());
            }
        }
    }

    private void run(URI elasticsearch) throws IOException {
        int d = records.getFirst().vector().length;
        Map<Integer, ExactNeighbours> truth = new LinkedHashMap<>();
        truth.put(100, ExactNeighbours.of(records, queries, K, null));
        for (int percent : FILTER_PERCENTS) {
            truth.put(percent, ExactNeighbours.of(records, queries, K, allowed(percent)));
        }
        System.out.println("| backend | insert vectors/s | filter | recall@10 | recall@10 by id | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Path faissDir = Files.createTempDirectory("vector-backends");
        try (FaissVectorStore faiss = FaissVectorStore.open(faissDir.resolve("faiss"),
                new FaissIndexSpec("bench", d, Metric.INNER_PRODUCT, "HNSW32,Flat", 64, 0))) {
            measure("FAISS HNSW32 efSearch 64", faiss, truth);
        }
        System.out.printf("%nFAISS index file: %.1f MiB%n", sizeMiB(faissDir));
        // merging 100,000s of vectors into one segment takes minutes
        try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch, ElasticsearchCredentials.none(),
                Duration.ofMinutes(20))) {
            for (boolean quantized : new boolean[]{true, false}) {
                String index = "bench-vectors-" + (quantized ? "int8" : "float");
                ElasticsearchVectorIndexSpec spec = new ElasticsearchVectorIndexSpec("bench", d, Metric.INNER_PRODUCT,
                        index, 16, 100, 64, quantized, 1, 0);
                try (ElasticsearchVectorStore store = ElasticsearchVectorStore.open(client, spec)) {
                    measure("Elasticsearch " + (quantized ? "int8_hnsw" : "hnsw") + " m16 num_candidates 64", store, truth);
                    // one segment, written as separate files so that their sizes show per kind
                    client.indices().putSettings(p -> p.index(index).settings(t -> t.otherSettings(
                            "index.compound_format", JsonData.of(false))));
                    client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(true));
                    System.out.printf("%n%s after a merge to one segment: %s%n", index, vectorFiles(client, index));
                } finally {
                    client.indices().delete(r -> r.index(index));
                }
            }
        }
    }

    private void measure(String backend, VectorStore store, Map<Integer, ExactNeighbours> truth) {
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i += 1_000) {
            store.upsert(records.subList(i, Math.min(records.size(), i + 1_000)));
        }
        double rate = records.size() / ((System.nanoTime() - start) / 1e9);
        for (Map.Entry<Integer, ExactNeighbours> expected : truth.entrySet()) {
            long[] allowed = expected.getKey() == 100 ? null : allowed(expected.getKey());
            Function<float[], VectorQuery> query = q -> allowed == null ? VectorQuery.of(q, K) : VectorQuery.within(q, K, allowed);
            queries.forEach(q -> store.search(query.apply(q))); // warm-up
            long[] nanos = new long[queries.size()];
            long[][] answers = IndexTypes.answers(store, queries, query, nanos);
            Arrays.sort(nanos);
            ExactNeighbours.Recall recall = expected.getValue().recall(answers);
            System.out.printf("| %s | %s | %s | %.3f | %.3f | %.2f | %.2f | %.2f |%n", backend,
                    expected.getKey() == 100 ? String.format("%,.0f", rate) : "",
                    expected.getKey() == 100 ? "none" : expected.getKey() + " %", recall.tieAware(), recall.byId(),
                    percentile(nanos, 0.50), percentile(nanos, 0.95), percentile(nanos, 0.99));
        }
    }

    private long[] allowed(int percent) {
        return records.stream().mapToLong(VectorRecord::id).filter(id -> id % 100 < percent).toArray();
    }

    private static double percentile(long[] sortedNanos, double p) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p))] / 1e6;
    }

    private static double sizeMiB(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1048576.0;
        }
    }

    /**
     * Lucene's vector files: .vex/.vem the HNSW graph, .veq/.vemq the int8 copies, .vec/.vemf the float vectors
     * (read only to rescore, or as the graph's vectors without quantisation), and the whole index with _source.
     */
    private static String vectorFiles(ElasticsearchClient client, String index) throws IOException {
        IndicesStatsResponse stats = client.indices().stats(s -> s.index(index).includeSegmentFileSizes(true));
        var total = stats.indices().get(index).total();
        List<String> parts = new ArrayList<>();
        total.segments().fileSizes().forEach((kind, size) -> {
            if (kind.startsWith("ve")) {
                parts.add(kind + " " + String.format("%.1f", size.sizeInBytes() / 1048576.0) + " MiB ("
                        + size.description() + ")");
            }
        });
        return String.join(", ", parts) + "; whole index " + String.format("%.1f",
                total.store().sizeInBytes() / 1048576.0) + " MiB";
    }
}
