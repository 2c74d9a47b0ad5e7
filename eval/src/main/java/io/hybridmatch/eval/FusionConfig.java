package io.hybridmatch.eval;

import io.hybridmatch.matching.FusionMethod;
import java.io.Serializable;
import java.util.Locale;

/** How a matcher request fuses its two lists: the method and its parameter (RRF's k, or α the vector share). */
public record FusionConfig(FusionMethod method, int rrfK, double vectorWeight) implements Serializable {

    public static FusionConfig rrf(int k) {
        return new FusionConfig(FusionMethod.RRF, k, 0.5);
    }

    public static FusionConfig of(FusionMethod method, double alpha) {
        return new FusionConfig(method, 60, alpha);
    }

    public String label() {
        return switch (method) {
            case RRF -> "RRF k=" + rrfK;
            case CONVEX -> String.format(Locale.ROOT, "convex α=%.1f", vectorWeight);
            case MINMAX -> String.format(Locale.ROOT, "min-max α=%.1f", vectorWeight);
            case ZSCORE -> String.format(Locale.ROOT, "z-score α=%.1f", vectorWeight);
        };
    }
}
