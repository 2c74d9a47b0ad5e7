package io.hybridmatch.eval;

import java.util.Arrays;

/** Graded ranking metrics over a ranked list of grades and the grades of every candidate document. */
final class Metrics {

    private Metrics() {
    }

    /** Gains 2^g − 1, log2 discount, ideal order from every document's grade (a pool missing good ones loses). */
    static double ndcgAt(int[] ranked, int[] allGrades, int k) {
        double idcg = idealDcg(allGrades, k);
        return idcg == 0 ? 0 : dcg(ranked, k) / idcg;
    }

    static double idealDcg(int[] allGrades, int k) {
        return dcg(Arrays.stream(allGrades).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray(), k);
    }

    /** The discounted gain of a grade at a 0-based rank. */
    static double gain(int grade, int rank) {
        return (Math.pow(2, grade) - 1) / (Math.log(rank + 2) / Math.log(2));
    }

    /** Share of the grade ≥ 2 documents found in the top k. */
    static double recallAt(int[] ranked, int[] allGrades, int k) {
        long relevant = Arrays.stream(allGrades).filter(g -> g >= 2).count();
        return relevant == 0 ? 0 : Arrays.stream(ranked).limit(k).filter(g -> g >= 2).count() / (double) relevant;
    }

    /** Reciprocal rank of the first grade-3 document in the top k (0 if none). */
    static double reciprocalRank(int[] ranked, int k) {
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (ranked[i] == 3) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double dcg(int[] grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, grades.length); i++) {
            dcg += gain(grades[i], i);
        }
        return dcg;
    }
}
