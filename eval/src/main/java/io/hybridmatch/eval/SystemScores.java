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
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (RankingQuery q : pool) {
            int[] ranked = LinearRanker.grades(q, weights.apply(q));
            double[] s = sums.computeIfAbsent(group(q.set(), q.direction()), g -> new double[4]);
            s[0] += Metrics.ndcgAt(ranked, q.allGrades(), 10);
            s[1] += Metrics.recallAt(ranked, q.allGrades(), 50);
            s[2] += Metrics.reciprocalRank(ranked, 50);
            s[3]++;
        }
        Map<String, Metric> out = new LinkedHashMap<>();
        sums.forEach((g, s) -> out.put(g, new Metric(s[0] / s[3], s[1] / s[3], s[2] / s[3], (int) s[3])));
        return new SystemScores(system, out);
    }
}
