package io.hybridmatch.matching;

import java.util.List;

/**
 * A page of results, the size of the scored pool, and the time spent in each stage.
 *
 * @param fusion the method used, so feedback and A/B analysis can group by it
 */
public record MatchResult(List<MatchHit> hits, int pool, FusionMethod fusion, Timings timings) {

    public record Timings(double elasticsearchMs, double faissMs, double fusionMs, double scoringMs) {
    }
}
