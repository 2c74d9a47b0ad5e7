package io.hybridmatch.embeddings;

/** Small vector arithmetic on embeddings. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales {@code vector} in place to unit L2 norm; a zero vector stays zero rather than becoming NaN. */
    static float[] normaliseInPlace(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        if (squares == 0) {
            return vector;
        }
        float inverse = (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverse;
        }
        return vector;
    }

    /** Dot product; equals cosine similarity for the unit vectors a {@link TextEmbedder} returns. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Dimensions differ: " + a.length + " vs " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
