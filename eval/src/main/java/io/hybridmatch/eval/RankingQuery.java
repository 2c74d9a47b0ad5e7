package io.hybridmatch.eval;

import io.hybridmatch.matching.MatchDirection;
import java.io.Serializable;
import java.util.List;

/**
 * One query's scored pool, as the matcher returned it with unit category weights: per hit the score of each
 * category (NaN when a side does not state it) and the importance factor the matcher applies to its weight, so any
 * weight vector can re-rank the pool exactly as the matcher would.
 *
 * @param allGrades the grade of every document of the target side (ideal DCG), or of every judged result for
 *                  feedback queries
 */
public record RankingQuery(String set, MatchDirection direction, long id, List<Hit> hits, int[] allGrades)
        implements Serializable {

    public record Hit(long id, int grade, double[] scores, double[] factors) implements Serializable {
    }
}
