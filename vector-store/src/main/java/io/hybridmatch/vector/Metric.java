package io.hybridmatch.vector;

/** How vectors are compared; the score of a hit is the raw value of this metric. */
public enum Metric {
    /** Inner product; on L2-normalised vectors this is the cosine similarity. */
    INNER_PRODUCT(true),
    /** Squared Euclidean distance. */
    L2(false);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
