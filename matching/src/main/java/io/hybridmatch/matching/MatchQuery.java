package io.hybridmatch.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * One matching request.
 *
 * @param id          an indexed document of the source side ({@link MatchDirection#source()}), or null with
 * @param document    an inline offer/profile (the same fields as the indexing tasks' payload)
 * @param importance  per criterion of the query document: MUST (filter), SHOULD, NICE; missing = defaults
 * @param weights     category weights (retrieval + criteria), missing = deployment defaults
 * @param vectorWeight α of MINMAX/ZSCORE/CONVEX (share of the vector side), ignored by RRF
 * @param recallSize  Elasticsearch top-K and FAISS top-N
 *
 * <p>The limits of these numbers over HTTP (size, recall size, page, rrf_k, vector weight) are written once, in the
 * OpenAPI contract, which the engine validates match requests against; they are not repeated here.
 */
public record MatchQuery(MatchDirection direction, Long id, Map<String, Object> document, MatchFilters filters,
                         Map<Criterion, Importance> importance, Map<String, Double> weights, FusionMethod fusion,
                         int rrfK, double vectorWeight, int recallSize, int page, int size) {

    public MatchQuery {
        if ((id == null) == (document == null)) {
            throw new IllegalArgumentException("give either an indexed id or an inline document");
        }
        filters = filters == null ? MatchFilters.none() : filters;
        Map<Criterion, Importance> all = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            all.put(c, c == Criterion.SKILLS || c == Criterion.OCCUPATION || c == Criterion.SENIORITY
                    || c == Criterion.LOCATION || c == Criterion.OCCUPATION_LOCATION ? Importance.SHOULD : Importance.NICE);
        }
        if (importance != null) {
            all.putAll(importance);
        }
        importance = Map.copyOf(all);
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    /**
     * The default fusion, chosen from the shipped evaluation (eval/README.md): with scoring, RRF matched the best
     * tuned convex combination on NDCG@10 and MRR (0.758 vs 0.761, 0.635 vs 0.636), kept a better Recall@50 (0.699
     * vs 0.660) and needs no weight to tune per deployment.
     */
    public static final FusionMethod DEFAULT_FUSION = FusionMethod.RRF;
    public static final int DEFAULT_RRF_K = 60;
    public static final double DEFAULT_VECTOR_WEIGHT = 0.5;
    public static final int DEFAULT_RECALL = 100;

    public static MatchQuery byId(MatchDirection direction, long id) {
        return new MatchQuery(direction, id, null, null, null, null, DEFAULT_FUSION, DEFAULT_RRF_K, DEFAULT_VECTOR_WEIGHT,
                DEFAULT_RECALL, 0, 10);
    }

    public static MatchQuery inline(MatchDirection direction, Map<String, Object> document) {
        return new MatchQuery(direction, null, document, null, null, null, DEFAULT_FUSION, DEFAULT_RRF_K,
                DEFAULT_VECTOR_WEIGHT, DEFAULT_RECALL, 0, 10);
    }

    public MatchQuery with(FusionMethod method) {
        return new MatchQuery(direction, id, document, filters, importance, weights, method, rrfK, vectorWeight, recallSize, page, size);
    }

    public MatchQuery with(MatchFilters newFilters) {
        return new MatchQuery(direction, id, document, newFilters, importance, weights, fusion, rrfK, vectorWeight, recallSize, page, size);
    }

    public MatchQuery with(Criterion criterion, Importance level) {
        Map<Criterion, Importance> changed = new EnumMap<>(importance);
        changed.put(criterion, level);
        return new MatchQuery(direction, id, document, filters, changed, weights, fusion, rrfK, vectorWeight, recallSize, page, size);
    }

    public MatchQuery page(int newPage, int newSize) {
        return new MatchQuery(direction, id, document, filters, importance, weights, fusion, rrfK, vectorWeight, recallSize, newPage, newSize);
    }
}
