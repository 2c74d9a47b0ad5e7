package io.hybridmatch.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded unit vectors for tests. */
public final class RandomVectors {

    private final SplittableRandom random;
    private final int dimension;

    public RandomVectors(long seed, int dimension) {
        this.random = new SplittableRandom(seed);
        this.dimension = dimension;
    }

    public float[] next() {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    public float[] flat(int n) {
        float[] all = new float[n * dimension];
        for (int i = 0; i < n; i++) {
            System.arraycopy(next(), 0, all, i * dimension, dimension);
        }
        return all;
    }

    /** Records with ids firstId, firstId + 1, ... */
    public List<VectorRecord> records(long firstId, int n) {
        List<VectorRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new VectorRecord(firstId + i, next()));
        }
        return records;
    }
}
