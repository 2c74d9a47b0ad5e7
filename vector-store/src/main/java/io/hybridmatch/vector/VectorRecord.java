package io.hybridmatch.vector;

/** One vector to store under a caller id. */
public record VectorRecord(long id, float[] vector) {
}
