package io.hybridmatch.matching;

/** One result: the target document id, its final score in [0, 1], its 1-based rank, and why. */
public record MatchHit(long id, double score, int rank, Explanation explanation) {
}
