package io.hybridmatch.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Re-ranks a pool with category weights the way {@code HybridMatcher} scores a hit: the weighted mean of the
 * categories the hit is scored on, Σ w·f·s / Σ w·f (f: the importance factor), ties by id.
 */
final class LinearRanker {

    private LinearRanker() {
    }

    static double score(RankingQuery.Hit hit, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            double s = hit.scores()[k];
            if (!Double.isNaN(s)) {
                double w = weights[k] * hit.factors()[k];
                sum += w * s;
                total += w;
            }
        }
        return total > 0 ? sum / total : 0;
    }

    static List<RankingQuery.Hit> rank(RankingQuery query, double[] weights) {
        double[] scores = new double[query.hits().size()];
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(query.hits().get(i), weights);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingLong(i -> query.hits().get(i).id()));
        return Arrays.stream(order).map(query.hits()::get).toList();
    }

    static int[] grades(RankingQuery query, double[] weights) {
        return rank(query, weights).stream().mapToInt(RankingQuery.Hit::grade).toArray();
    }
}
