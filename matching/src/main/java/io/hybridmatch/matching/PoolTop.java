package io.hybridmatch.matching;

/**
 * The top of a fused pool that the consensus categories compare each pooled document with: its first {@value #SIZE}
 * places, each weighed by 1/rank, so that the retrievers' surest hits count most.
 */
final class PoolTop {

    static final int SIZE = 20;

    private PoolTop() {
    }

    /** How many of a pool's places are in its top. */
    static int size(int pool) {
        return Math.min(SIZE, pool);
    }

    static double weight(int rank) {
        return 1.0 / (rank + 1);
    }

    /** A document's own vote in the top, left out of its score (0 past the top): an intruder must not vouch for itself. */
    static double own(int rank) {
        return rank < SIZE ? weight(rank) : 0;
    }
}
