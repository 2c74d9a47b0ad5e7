package io.hybridmatch.vector.faiss;

/**
 * Maintenance and search thresholds of a {@link FaissVectorStore}.
 *
 * @param compactionRatio        rebuild once deleted or replaced vectors exceed this share of the index: HNSW cannot
 *                               remove in place, and tombstones both cost memory and thin out graph searches
 * @param compactionMinimum      ... and number at least this many (rebuilding a small index buys nothing)
 * @param exactFilterLimit       a filtered search allowing at most this many ids scores them exactly instead of
 *                               walking the index, so a selective filter never loses hits
 * @param trainingPointsPerList  an IVF index is trained once this many vectors per list are stored (FAISS warns
 *                               below 39); until then vectors live in an exact flat index
 * @param checkpointWalBytes     write a snapshot and empty the write-ahead log once it grows past this size
 */
public record FaissStoreTuning(double compactionRatio, int compactionMinimum, int exactFilterLimit,
                               int trainingPointsPerList, long checkpointWalBytes) {

    public static FaissStoreTuning defaults() {
        return new FaissStoreTuning(0.2, 1_000, 20_000, 39, 64L << 20);
    }

    public FaissStoreTuning {
        if (!(compactionRatio > 0 && compactionRatio < 1)) {
            throw new IllegalArgumentException("compactionRatio must be in (0, 1): " + compactionRatio);
        }
        if (compactionMinimum < 1 || exactFilterLimit < 0 || trainingPointsPerList < 1 || checkpointWalBytes < 1) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
    }
}
