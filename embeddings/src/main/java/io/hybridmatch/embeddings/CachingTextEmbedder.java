package io.hybridmatch.embeddings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the vectors of recently seen texts (the same offer or CV sentence comes back on every re-match), and
 * sends only the texts it has not seen to the wrapped embedder, in one call so they are still batched.
 * Owns the delegate: closing this closes it.
 *
 * <p>Erasure: an entry lives at most {@code timeToLive} after it was computed, which bounds how long any text (a
 * free-form query, an inline CV) stays in memory; {@link #forget} drops named texts at once (the indexer does it for
 * a deleted document's texts).
 */
public final class CachingTextEmbedder implements TextEmbedder {

    /** Keyed by model too, so a cache can never hand out a vector of another model. */
    private record Key(String modelId, String text) {
    }

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(1);

    private final TextEmbedder delegate;
    private final Cache<Key, float[]> cache;
    private final long maximumSize;

    /** Entries live at most {@link #DEFAULT_TIME_TO_LIVE}. */
    public CachingTextEmbedder(TextEmbedder delegate, long maximumSize) {
        this(delegate, maximumSize, DEFAULT_TIME_TO_LIVE);
    }

    /**
     * @param maximumSize entries kept; at 384 floats an entry costs about 1.6 KB plus its text
     * @param timeToLive  how long after it was computed an entry is dropped
     */
    public CachingTextEmbedder(TextEmbedder delegate, long maximumSize, Duration timeToLive) {
        this(delegate, maximumSize, timeToLive, Ticker.systemTicker());
    }

    CachingTextEmbedder(TextEmbedder delegate, long maximumSize, Duration timeToLive, Ticker ticker) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
        }
        this.delegate = delegate;
        this.maximumSize = maximumSize;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(timeToLive)
                .ticker(ticker)
                // Evict on the calling thread: the bound holds when embed returns, not later on a pool thread.
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** Vectors are fresh copies: callers may modify them without corrupting the cache. */
    @Override
    public List<float[]> embed(List<String> texts) {
        EmbeddingInputs.requireEmbeddable(texts);
        List<Key> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            keys.add(new Key(delegate.modelId(), text));
        }
        Map<Key, float[]> found = cache.getAll(keys, this::embedMisses);
        List<float[]> vectors = new ArrayList<>(keys.size());
        for (Key key : keys) {
            vectors.add(found.get(key).clone());
        }
        return vectors;
    }

    private Map<Key, float[]> embedMisses(Set<? extends Key> misses) {
        List<Key> ordered = List.copyOf(misses);
        List<float[]> vectors = delegate.embed(ordered.stream().map(Key::text).toList());
        Map<Key, float[]> computed = new HashMap<>(ordered.size() * 2);
        for (int i = 0; i < ordered.size(); i++) {
            computed.put(ordered.get(i), vectors.get(i));
        }
        return computed;
    }

    /** Drops these texts' cached vectors now (and asks the wrapped embedder to do the same). */
    @Override
    public void forget(Collection<String> texts) {
        cache.invalidateAll(texts.stream().map(text -> new Key(delegate.modelId(), text)).toList());
        delegate.forget(texts);
    }

    public EmbeddingCacheStats stats() {
        CacheStats stats = cache.stats();
        return new EmbeddingCacheStats(stats.hitCount(), stats.missCount(), stats.evictionCount(),
                cache.estimatedSize(), maximumSize);
    }

    @Override
    public void close() {
        cache.invalidateAll();
        delegate.close();
    }
}
