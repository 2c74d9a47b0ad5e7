package io.hybridmatch.matching;

import java.util.List;
import java.util.Map;

/**
 * A page of results, the size of the scored pool, and the milliseconds of each stage and retriever so far
 * ({@link MatchStages}).
 *
 * @param fusion the method used, so feedback and A/B analysis can group by it
 */
public record MatchResult(List<MatchHit> hits, int pool, FusionMethod fusion, Map<String, Double> timingsMs) {
}
