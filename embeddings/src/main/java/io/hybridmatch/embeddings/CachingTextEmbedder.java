package io.hybridmatch.embeddings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the vectors of recently seen texts (the same offer or CV sentence comes back on every re-match), and
 * sends only the texts it has not seen to the wrapped embedder, in one call so they are still batched.
 * Owns the delegate: closing this closes it.
 */
public final class CachingTextEmbedder implements TextEmbedder {

    /** Keyed by model too, so a cache can never hand out a vector of another model. */
    private record Key(String modelId, String text) {
    }

    private final TextEmbedder delegate;
    private final Cache<Key, float[]> cache;
    private final long maximumSize;

    /** @param maximumSize entries kept; at 384 floats an entry costs about 1.6 KB plus its text */
    public CachingTextEmbedder(TextEmbedder delegate, long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        this.delegate = delegate;
        this.maximumSize = maximumSize;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
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
