package io.hybridmatch.eval;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Learns category weights by coordinate ascent on mean NDCG@10 (Metzler and Croft, "Linear feature-based models
 * for information retrieval", 2007): one weight at a time is moved by steps of several sizes both ways, a move kept
 * when the training queries' NDCG@10 rises, rounds repeated until none does; weights stay ≥ 0 and sum to 1 (the
 * matcher's score is scale-free). Started from the given weights and from a few seeded random points; the best
 * end point wins. The objective re-ranks each query's pool exactly as the matcher scores it ({@link LinearRanker}).
 */
final class CoordinateAscent {

    private static final double[] STEPS = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2};
    private static final int MAX_ROUNDS = 25;
    private static final int K = 10;
    private static final int RANDOM_STARTS = 2;

    record Result(double[] weights, double trainNdcg) {
    }

    /** A query's pool as arrays, with its ideal DCG@10: the objective is evaluated hundreds of times per start. */
    private record Prepared(double[][] scores, double[][] factors, int[] grades, long[] ids, double idealDcg) {
    }

    private final Prepared[] queries;
    private final int dimensions;

    CoordinateAscent(List<RankingQuery> training) {
        this.queries = training.stream().map(CoordinateAscent::prepare).toArray(Prepared[]::new);
        this.dimensions = PoolCollector.CATEGORIES.size();
    }

    Result train(double[] start, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Result best = climb(normalised(start));
        for (int i = 0; i < RANDOM_STARTS; i++) {
            double[] w = new double[dimensions];
            for (int k = 0; k < dimensions; k++) {
                w[k] = random.nextDouble();
            }
            Result r = climb(normalised(w));
            if (r.trainNdcg() > best.trainNdcg() + 1e-9) {
                best = r;
            }
        }
        return best;
    }

    double meanNdcg(double[] weights) {
        double sum = 0;
        for (Prepared q : queries) {
            sum += ndcg(q, weights);
        }
        return queries.length == 0 ? 0 : sum / queries.length;
    }

    private Result climb(double[] weights) {
        double[] w = weights.clone();
        double current = meanNdcg(w);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double before = current;
            for (int k = 0; k < dimensions; k++) {
                // the score is a weighted mean, so scale-free: a trial moves one weight and keeps each hit's
                // weighted sum and total, adding δ·f·s and δ·f instead of scoring the pool again
                double[][] sums = new double[queries.length][];
                double[][] totals = new double[queries.length][];
                for (int q = 0; q < queries.length; q++) {
                    sums[q] = new double[queries[q].grades().length];
                    totals[q] = new double[queries[q].grades().length];
                    weightedSums(queries[q], w, sums[q], totals[q]);
                }
                double bestDelta = 0;
                for (double step : STEPS) {
                    for (double delta : new double[]{step, -step}) {
                        if (w[k] + delta < 0) {
                            continue;
                        }
                        double sum = 0;
                        for (int q = 0; q < queries.length; q++) {
                            sum += ndcgMoved(queries[q], sums[q], totals[q], k, delta);
                        }
                        double value = sum / queries.length;
                        if (value > current + 1e-9) {
                            current = value;
                            bestDelta = delta;
                        }
                    }
                }
                if (bestDelta != 0) {
                    w[k] += bestDelta;
                    w = normalised(w);
                }
            }
            if (current - before < 1e-6) {
                break;
            }
        }
        return new Result(w, current);
    }

    private static void weightedSums(Prepared q, double[] w, double[] sums, double[] totals) {
        for (int i = 0; i < sums.length; i++) {
            for (int k = 0; k < w.length; k++) {
                double s = q.scores()[i][k];
                if (!Double.isNaN(s)) {
                    double wk = w[k] * q.factors()[i][k];
                    sums[i] += wk * s;
                    totals[i] += wk;
                }
            }
        }
    }

    private static double ndcgMoved(Prepared q, double[] sums, double[] totals, int k, double delta) {
        double[] score = new double[sums.length];
        for (int i = 0; i < score.length; i++) {
            double s = q.scores()[i][k];
            double sum = sums[i];
            double total = totals[i];
            if (!Double.isNaN(s)) {
                sum += delta * q.factors()[i][k] * s;
                total += delta * q.factors()[i][k];
            }
            score[i] = total > 0 ? sum / total : 0;
        }
        return ndcgOf(q, score);
    }

    private static double ndcg(Prepared q, double[] w) {
        double[] sums = new double[q.grades().length];
        double[] totals = new double[q.grades().length];
        weightedSums(q, w, sums, totals);
        double[] score = new double[sums.length];
        for (int i = 0; i < score.length; i++) {
            score[i] = totals[i] > 0 ? sums[i] / totals[i] : 0;
        }
        return ndcgOf(q, score);
    }

    /** NDCG@K of the pool ordered by score, ties by id; the top K kept in one pass (cheaper than sorting the pool). */
    private static double ndcgOf(Prepared q, double[] score) {
        int[] top = new int[K];
        int size = 0;
        for (int i = 0; i < score.length; i++) {
            if (size == K && !before(q, score, i, top[K - 1])) {
                continue;
            }
            int at = size < K ? size++ : K - 1;
            while (at > 0 && before(q, score, i, top[at - 1])) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        double dcg = 0;
        for (int rank = 0; rank < size; rank++) {
            dcg += Metrics.gain(q.grades()[top[rank]], rank);
        }
        return q.idealDcg() == 0 ? 0 : dcg / q.idealDcg();
    }

    private static boolean before(Prepared q, double[] score, int a, int b) {
        return score[a] > score[b] || (score[a] == score[b] && q.ids()[a] < q.ids()[b]);
    }

    static double[] normalised(double[] w) {
        double sum = Arrays.stream(w).sum();
        return sum <= 0 ? w.clone() : Arrays.stream(w).map(x -> x / sum).toArray();
    }

    private static Prepared prepare(RankingQuery q) {
        int n = q.hits().size();
        double[][] scores = new double[n][];
        double[][] factors = new double[n][];
        int[] grades = new int[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            RankingQuery.Hit h = q.hits().get(i);
            scores[i] = h.scores();
            factors[i] = h.factors();
            grades[i] = h.grade();
            ids[i] = h.id();
        }
        return new Prepared(scores, factors, grades, ids, Metrics.idealDcg(q.allGrades(), K));
    }
}
