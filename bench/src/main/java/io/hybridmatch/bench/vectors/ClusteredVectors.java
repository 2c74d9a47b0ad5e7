package io.hybridmatch.bench.vectors;

import java.util.SplittableRandom;

/**
 * Unit vectors with a low intrinsic dimension, as sentence embeddings have: a point near one of the cluster
 * centres in a 32-dimension latent space, projected into the full dimension by a fixed random matrix, plus a
 * little full-dimension noise.
 */
public final class ClusteredVectors {
    private static final int LATENT = 32;
    private final SplittableRandom random;
    private final float[][] centres;
    private final float[][] projection;

    public ClusteredVectors(long seed, int dimension, int clusters) {
        random = new SplittableRandom(seed);
        centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) {
            centres[c] = gaussian(LATENT, 1);
        }
        projection = new float[dimension][];
        for (int i = 0; i < dimension; i++) {
            projection[i] = gaussian(LATENT, 1);
        }
    }

    public float[] next() {
        float[] latent = gaussian(LATENT, 0.5);
        float[] centre = centres[random.nextInt(centres.length)];
        for (int j = 0; j < LATENT; j++) {
            latent[j] += centre[j];
        }
        float[] v = gaussian(projection.length, 0.5);
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < LATENT; j++) {
                v[i] += projection[i][j] * latent[j];
            }
        }
        return normalise(v);
    }

    private float[] gaussian(int dimension, double sigma) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            // Box-Muller from two uniforms
            v[i] = (float) (sigma * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return v;
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
