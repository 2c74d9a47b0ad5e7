package io.hybridmatch.bench.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.elasticsearch.local.LocalElasticsearch;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchOptions;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.eval.DataSetGenerator;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.MatchQuery;
import io.hybridmatch.matching.MatchResult;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-stage latency of hybrid matching (Elasticsearch, FAISS, fusion, scoring) with N candidates indexed through
 * the real pipeline (normalise, MiniLM, Elasticsearch bulk, FAISS HNSW32). Usage: {@code MatchLatencyBenchmark [N]}.
 */
public final class MatchLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        DataSetGenerator.DataSet data = new DataSetGenerator(42).generate(n / 20, 10);
        try (LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral().withHeap("1g"));
             ElasticsearchClient es = ElasticsearchClients.create(node.url());
             TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 50_000);
             VectorStoreRegistry vectors = FaissVectorStores.open(Files.createTempDirectory("match-bench"), List.of(
                     new FaissIndexSpec("candidates", embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 64, 0),
                     new FaissIndexSpec("job_offers", embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 64, 0)))) {
            SearchIndexes indexes = SearchIndexes.ensure(es);
            DocumentIndexer indexer = new DocumentIndexer(es, indexes, embedder, vectors, DocumentNormalizer.bundled(), Clock.systemUTC());
            long start = System.nanoTime();
            for (int i = 0; i < data.candidates().size(); i += 1_000) {
                indexer.indexAll(SearchIndex.CANDIDATES, data.candidates().subList(i, Math.min(data.candidates().size(), i + 1_000)));
                if (i % 10_000 == 0) {
                    System.out.printf("indexed %,d candidates after %.0f s%n", i + 1_000, (System.nanoTime() - start) / 1e9);
                }
            }
            indexer.indexAll(SearchIndex.JOB_OFFERS, data.offers());
            es.indices().refresh(r -> r.index("candidates", "job_offers"));
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            HybridMatcher matcher = new HybridMatcher(es, indexes, embedder, vectors, DocumentNormalizer.bundled(),
                    io.hybridmatch.matching.RankingModel.bundled(), Map.of());
            List<Long> offers = data.offers().stream().map(o -> ((Number) o.get("job_offer_id")).longValue()).toList();
            offers.forEach(id -> matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, id))); // warm-up
            String[] keys = {"source", "elasticsearch", "faiss", "retrieval", "fusion", "fetch", "scoring"};
            double[][] stages = new double[keys.length][offers.size()];
            double[] total = new double[offers.size()];
            for (int i = 0; i < offers.size(); i++) {
                long t = System.nanoTime();
                MatchResult r = matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, offers.get(i)));
                total[i] = (System.nanoTime() - t) / 1e6;
                for (int s = 0; s < keys.length; s++) {
                    stages[s][i] = r.timingsMs().get(keys[s]);
                }
            }
            System.out.printf("%n%,d candidates indexed in %.0f s (%.0f docs/s, embedding included); %d queries (offer → candidates, default RRF + scoring, recall 100)%n",
                    data.candidates().size(), indexSeconds, data.candidates().size() / indexSeconds, offers.size());
            System.out.println("| stage | mean ms | p50 ms | p95 ms |\n|---|---|---|---|");
            String[] names = {"source document and vector", "Elasticsearch (BM25 + filters)", "FAISS (HNSW32, efSearch 64)",
                    "retrieval (both at once)", "fusion", "fetch (mget of the pool)", "scoring (features)"};
            for (int s = 0; s < keys.length; s++) {
                print(names[s], stages[s]);
            }
            print("whole request", total);
        }
    }

    private static void print(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %.2f | %.2f | %.2f |%n", name, Arrays.stream(values).average().orElse(0),
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)]);
    }
}
