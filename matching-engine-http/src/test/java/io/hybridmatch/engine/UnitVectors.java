package io.hybridmatch.engine;

import java.util.Random;

/** Deterministic, well-separated unit vectors, so the nearest neighbour of each is known without a model. */
final class UnitVectors {

    private UnitVectors() {
    }

    static float[] random(int dimension, long seed) {
        Random random = new Random(seed);
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** {@code base} moved a little towards noise: its nearest stored neighbour is still {@code base}. */
    static float[] near(float[] base, long seed) {
        float[] noise = random(base.length, seed);
        float[] v = new float[base.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = base[i] + 0.2f * noise[i];
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
