package io.hybridmatch.bench.latency;

import io.hybridmatch.embeddings.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cheap deterministic stand-in for the sentence model when the model is not what is measured: each word of the
 * text adds ±1 to one of {@code dimension} coordinates chosen by its hash (feature hashing), then the vector is
 * L2-normalised. Texts sharing words get close vectors, so nearest-neighbour search has real structure to find; it
 * runs a million texts in seconds where MiniLM needs hours on two cores.
 */
public final class HashedTextEmbedder implements TextEmbedder {

    private final int dimension;

    public HashedTextEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public String modelId() {
        return "hashed-words-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embedOne(text));
        }
        return out;
    }

    private float[] embedOne(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        float[] v = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                long h = mix(word.hashCode());
                v[(int) Math.floorMod(h, (long) dimension)] += (h >>> 63) == 0 ? 1 : -1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** SplitMix64's finaliser: spreads String.hashCode's bits over the whole long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
    }
}
