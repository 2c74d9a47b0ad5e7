package io.hybridmatch.eval;

import io.hybridmatch.matching.MatchDirection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Mean NDCG@10, Recall@50 and MRR of one system per (set, direction), each query ranked by its own weights. */
record SystemScores(String system, Map<String, Metric> bySetAndDirection) {

    record Metric(double ndcg10, double recall50, double mrr, int queries) {
    }

    static String group(String set, MatchDirection direction) {
        return set + " " + (direction == MatchDirection.CANDIDATES_FOR_OFFER ? "offer → candidates" : "candidate → offers");
    }

    /** NDCG@10 over every query, whatever its set and direction. */
    double meanNdcg10() {
        return bySetAndDirection.values().stream().mapToDouble(m -> m.ndcg10() * m.queries()).sum()
                / bySetAndDirection.values().stream().mapToInt(Metric::queries).sum();
    }

    static SystemScores of(String system, List<RankingQuery> pool, Function<RankingQuery, double[]> weights) {
        return of(system, pool, weights, q -> null);
    }

    /**
     * @param part a query's part of its set ({@link SealedPart}) or null: a query with a part also counts in the
     *             group "set part direction" (besides its whole set's group, so {@link #meanNdcg10()} is for pools
     *             without parts)
     */
    static SystemScores of(String system, List<RankingQuery> pool, Function<RankingQuery, double[]> weights,
                           Function<RankingQuery, String> part) {
        return ranked(system, pool, q -> LinearRanker.grades(q, weights.apply(q)), part);
    }

    /**
     * The pools in their ideal order: what no re-ranking of them can beat, so what the retrievers leave to the
     * scoring (the rest of 1.0 is good documents outside the pools).
     */
    static SystemScores ceiling(String system, List<RankingQuery> pool, Function<RankingQuery, String> part) {
        return ranked(system, pool, q -> q.hits().stream().mapToInt(RankingQuery.Hit::grade).boxed()
                .sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray(), part);
    }

    private static SystemScores ranked(String system, List<RankingQuery> pool, Function<RankingQuery, int[]> grades,
                                       Function<RankingQuery, String> part) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (RankingQuery q : pool) {
            int[] ranked = grades.apply(q);
            double ndcg = Metrics.ndcgAt(ranked, q.allGrades(), 10);
            double recall = Metrics.recallAt(ranked, q.allGrades(), 50);
            double rr = Metrics.reciprocalRank(ranked, 50);
            String of = part.apply(q);
            for (String g : of == null ? List.of(group(q.set(), q.direction()))
                    : List.of(group(q.set(), q.direction()), group(q.set() + " " + of, q.direction()))) {
                double[] s = sums.computeIfAbsent(g, k -> new double[4]);
                s[0] += ndcg;
                s[1] += recall;
                s[2] += rr;
                s[3]++;
            }
        }
        Map<String, Metric> out = new LinkedHashMap<>();
        sums.forEach((g, s) -> out.put(g, new Metric(s[0] / s[3], s[1] / s[3], s[2] / s[3], (int) s[3])));
        return new SystemScores(system, out);
    }
}
