package io.hybridmatch.matching;

/**
 * How a recruiter ranks a criterion of the offer: a must-have is a hard filter (and scored), a should-have counts
 * fully, a nice-to-have half.
 */
public enum Importance {
    MUST(1.0), SHOULD(1.0), NICE(0.5);

    private final double weightFactor;

    Importance(double weightFactor) {
        this.weightFactor = weightFactor;
    }

    public double weightFactor() {
        return weightFactor;
    }
}
