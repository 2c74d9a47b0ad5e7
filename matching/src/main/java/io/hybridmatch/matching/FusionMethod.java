package io.hybridmatch.matching;

/** How the keyword and vector result lists become one. */
public enum FusionMethod {
    /** Reciprocal rank fusion: Σ 1 / (k + rank), ranks only (k = 60 as in Elasticsearch and OpenSearch). */
    RRF,
    /** Weighted union of scores min-max normalised on each list. */
    MINMAX,
    /** Weighted union of z-scores (a list's absent items get its lowest z-score). */
    ZSCORE,
    /**
     * Convex combination α·vector + (1-α)·keyword of theoretically normalised scores (cosine from [-1, 1],
     * BM25 from [0, max]), as in Bruch, Gai and Ingber, ACM TOIS 2023.
     */
    CONVEX
}
