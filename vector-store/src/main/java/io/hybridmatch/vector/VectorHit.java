package io.hybridmatch.vector;

/** A search result: the caller id and the raw metric value (see {@link Metric}). */
public record VectorHit(long id, float score) {
}
