package io.hybridmatch.eval;

import io.hybridmatch.matching.Criterion;
import io.hybridmatch.matching.Explanation;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.MatchHit;
import io.hybridmatch.matching.MatchQuery;
import io.hybridmatch.matching.MatchResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Asks the real matcher for a query's whole scored pool (100 hits) with every category weight at 1, so the
 * explanation carries each category's score and importance factor: one request per query and fusion setting
 * serves every weight vector the trainer tries.
 */
final class PoolCollector {

    static final int POOL = 100;

    /** "retrieval" then the matcher's criteria, in {@link Criterion} order: the trainer's feature order. */
    static final List<String> CATEGORIES = Stream.concat(Stream.of("retrieval"),
            Arrays.stream(Criterion.values()).map(Criterion::key)).toList();

    private final HybridMatcher matcher;
    private double nanos;
    private int requests;

    PoolCollector(HybridMatcher matcher) {
        this.matcher = matcher;
    }

    RankingQuery collect(String set, MatchDirection direction, long id, FusionConfig fusion, ToIntFunction<Long> grade,
                         int[] allGrades) {
        long start = System.nanoTime();
        MatchResult result = matcher.match(new MatchQuery(direction, id, null, null, null, unitWeights(),
                fusion.method(), fusion.rrfK(), fusion.vectorWeight(), POOL, 0, POOL));
        nanos += System.nanoTime() - start;
        requests++;
        List<RankingQuery.Hit> hits = new ArrayList<>();
        for (MatchHit hit : result.hits()) {
            hits.add(hit(hit.id(), grade.applyAsInt(hit.id()), hit.explanation()));
        }
        return new RankingQuery(set, direction, id, hits, allGrades);
    }

    /** Mean wall time of a matcher request so far, in milliseconds. */
    double meanMs() {
        return requests == 0 ? 0 : nanos / 1e6 / requests;
    }

    static RankingQuery.Hit hit(long id, int grade, Explanation explanation) {
        double[] scores = new double[CATEGORIES.size()];
        double[] factors = new double[CATEGORIES.size()];
        for (int k = 0; k < scores.length; k++) {
            Explanation.Category c = explanation.categories().get(CATEGORIES.get(k));
            scores[k] = c == null ? Double.NaN : c.score();
            factors[k] = c == null ? 0 : c.weight();
        }
        return new RankingQuery.Hit(id, grade, scores, factors);
    }

    static Map<String, Double> unitWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> weights.put(c, 1.0));
        return weights;
    }
}
