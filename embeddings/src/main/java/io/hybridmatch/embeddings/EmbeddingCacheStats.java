package io.hybridmatch.embeddings;

/**
 * Counters of a {@link CachingTextEmbedder} since it was created, for the service's metrics endpoint.
 *
 * @param hits        texts answered from the cache
 * @param misses      texts sent to the model
 * @param evictions   entries dropped to respect the size bound
 * @param size        entries currently cached (approximate while other threads write)
 * @param maximumSize the configured bound
 */
public record EmbeddingCacheStats(long hits, long misses, long evictions, long size, long maximumSize) {

    /** Share of texts answered from the cache; 0 before the first lookup. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
