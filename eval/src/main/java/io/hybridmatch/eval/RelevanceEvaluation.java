package io.hybridmatch.eval;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.elasticsearch.local.LocalElasticsearch;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchOptions;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.matching.Criterion;
import io.hybridmatch.matching.FusionMethod;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.MatchHit;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Indexes the labelled data set through the real pipeline (normalisation, MiniLM, Elasticsearch, FAISS) and
 * measures NDCG@10, Recall@50 and MRR of each retriever alone and of each fusion method with scoring.
 *
 * <p>Run: {@code eval/run} (starts an ephemeral Elasticsearch node unless ELASTICSEARCH_URL is set; the node's
 * {@code candidates}/{@code job_offers} indexes are written, so give it a test cluster).
 */
public final class RelevanceEvaluation {

    /** One evaluated system: how it queries the matcher. */
    public record System(String name, FusionMethod fusion, double vectorWeight, boolean scoring) {
    }

    public record Row(String system, double ndcg10, double recall50, double mrr, double meanMs) {
    }

    public static final List<System> SYSTEMS = List.of(
            new System("Elasticsearch only (BM25)", FusionMethod.MINMAX, 0.0, false),
            new System("FAISS only (MiniLM)", FusionMethod.MINMAX, 1.0, false),
            new System("RRF (k=60), no scoring", FusionMethod.RRF, 0.5, false),
            new System("convex α=0.5, no scoring", FusionMethod.CONVEX, 0.5, false),
            new System("RRF (k=60) + scoring", FusionMethod.RRF, 0.5, true),
            new System("min-max α=0.5 + scoring", FusionMethod.MINMAX, 0.5, true),
            new System("z-score α=0.5 + scoring", FusionMethod.ZSCORE, 0.5, true),
            new System("convex α=0.3 + scoring", FusionMethod.CONVEX, 0.3, true),
            new System("convex α=0.5 + scoring", FusionMethod.CONVEX, 0.5, true),
            new System("convex α=0.7 + scoring", FusionMethod.CONVEX, 0.7, true));

    private static final Map<String, Double> RETRIEVAL_ONLY = retrievalOnly();

    private RelevanceEvaluation() {
    }

    public static List<Row> run(ElasticsearchClient es, TextEmbedder embedder, Path vectorDir,
                                DataSetGenerator.DataSet data) throws Exception {
        SearchIndexes indexes = SearchIndexes.ensure(es);
        try (VectorStoreRegistry vectors = FaissVectorStores.open(vectorDir, List.of(
                new FaissIndexSpec("candidates", embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 128, 0),
                new FaissIndexSpec("job_offers", embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 128, 0)))) {
            DocumentIndexer indexer = new DocumentIndexer(es, indexes, embedder, vectors,
                    NearestSkillByEmbedding.normalizer(embedder), Clock.systemUTC());
            for (int i = 0; i < data.candidates().size(); i += 200) {
                indexer.indexAll(SearchIndex.CANDIDATES, data.candidates().subList(i, Math.min(data.candidates().size(), i + 200)));
            }
            indexer.indexAll(SearchIndex.JOB_OFFERS, data.offers());
            es.indices().refresh(r -> r.index("candidates", "job_offers"));
            HybridMatcher matcher = new HybridMatcher(es, indexes, embedder, vectors, DocumentNormalizer.bundled(), Map.of());
            List<Row> rows = new ArrayList<>();
            for (System system : SYSTEMS) {
                rows.add(evaluate(matcher, system, data));
            }
            return rows;
        }
    }

    private static Row evaluate(HybridMatcher matcher, System system, DataSetGenerator.DataSet data) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        long nanos = 0;
        for (Map<String, Object> offer : data.offers()) {
            long offerId = ((Number) offer.get("job_offer_id")).longValue();
            MatchQuery query = new MatchQuery(MatchDirection.CANDIDATES_FOR_OFFER, offerId, null, null, null,
                    system.scoring() ? null : RETRIEVAL_ONLY, system.fusion(), 60, system.vectorWeight(), 100, 0, 50);
            long start = java.lang.System.nanoTime();
            MatchResult result = matcher.match(query);
            nanos += java.lang.System.nanoTime() - start;
            int[] grades = result.hits().stream().mapToInt((MatchHit h) -> data.grade(offerId, h.id())).toArray();
            int[] all = data.candidateTruth().keySet().stream().mapToInt(c -> data.grade(offerId, c)).toArray();
            ndcg += ndcgAt(grades, all, 10);
            long relevant = Arrays.stream(all).filter(g -> g >= 2).count();
            recall += Arrays.stream(grades).limit(50).filter(g -> g >= 2).count() / (double) relevant;
            for (int i = 0; i < grades.length; i++) {
                if (grades[i] == 3) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        int n = data.offers().size();
        return new Row(system.name(), ndcg / n, recall / n, mrr / n, nanos / 1e6 / n);
    }

    /** Graded gains 2^g - 1, log2 discount, ideal order from every candidate's grade. */
    static double ndcgAt(int[] ranked, int[] allGrades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            dcg += (Math.pow(2, ranked[i]) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        int[] ideal = Arrays.stream(allGrades).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idcg += (Math.pow(2, ideal[i]) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| system | NDCG@10 | Recall@50 | MRR | ms/query |\n|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.1f |%n",
                r.system(), r.ndcg10(), r.recall50(), r.mrr(), r.meanMs())));
        return out.toString();
    }

    private static Map<String, Double> retrievalOnly() {
        Map<String, Double> weights = new HashMap<>();
        weights.put("retrieval", 1.0);
        for (Criterion c : Criterion.values()) {
            weights.put(c.key(), 0.0);
        }
        return Map.copyOf(weights);
    }

    public static void main(String[] args) throws Exception {
        DataSetGenerator.DataSet data = new DataSetGenerator(42).generate(55, 5);
        String url = java.lang.System.getenv("ELASTICSEARCH_URL");
        LocalElasticsearch node = url == null ? LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral()) : null;
        try (ElasticsearchClient es = ElasticsearchClients.create(node != null ? node.url() : URI.create(url));
             TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 10_000)) {
            java.lang.System.out.printf("%d candidates, %d offers (FR/EN), graded 0-3%n", data.candidates().size(), data.offers().size());
            java.lang.System.out.println(table(run(es, embedder, Files.createTempDirectory("eval-vectors"), data)));
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }
}
