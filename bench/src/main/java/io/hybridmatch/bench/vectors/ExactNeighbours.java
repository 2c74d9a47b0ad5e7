package io.hybridmatch.bench.vectors;

import io.hybridmatch.vector.VectorRecord;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The true k nearest neighbours of each query by brute force (inner product, the benchmarks' metric), within the
 * allowed ids when given, and recall@k of an approximate answer against them, two ways:
 * <ul>
 *   <li><b>by id</b>: the share of the exact top k's ids the answer returned;</li>
 *   <li><b>tie-aware</b>: the share of the k slots the answer filled with a vector at least as close as the exact
 *       k-th neighbour ({@link #TOLERANCE}), scored here from the vectors, not from the index's own (perhaps
 *       quantised) scores.</li>
 * </ul>
 * They differ when the k-th distance is shared by more vectors than the top k has room for (duplicates, texts with
 * the same words): the exact search keeps some of them, by id order, and an index that returns others of the tie
 * loses recall by id without returning anything farther. {@link #tiedBeyondK()} counts how often that happens.
 */
public final class ExactNeighbours {

    /** Scores closer than this are a tie: far above the rounding of a 384-term float dot product, far below a real gap. */
    public static final double TOLERANCE = 1e-6;

    /** Recall@k of one answer, both ways. */
    public record Recall(double byId, double tieAware) {
    }

    private final Map<Long, float[]> vectors;
    private final List<float[]> queries;
    private final int k;
    private final long[][] ids;
    private final double[] kthScores;
    private final int[] tiedBeyondK;

    private ExactNeighbours(Map<Long, float[]> vectors, List<float[]> queries, int k, long[][] ids, double[] kthScores,
                            int[] tiedBeyondK) {
        this.vectors = vectors;
        this.queries = queries;
        this.k = k;
        this.ids = ids;
        this.kthScores = kthScores;
        this.tiedBeyondK = tiedBeyondK;
    }

    /** The exact top {@code k} of every query among {@code records}, or among those of {@code allowed} ids when not null. */
    public static ExactNeighbours of(List<VectorRecord> records, List<float[]> queries, int k, long[] allowed) {
        Set<Long> allowedSet = allowed == null ? null : new HashSet<>(Arrays.stream(allowed).boxed().toList());
        Map<Long, float[]> vectors = new HashMap<>();
        for (VectorRecord r : records) {
            if (allowedSet == null || allowedSet.contains(r.id())) {
                vectors.put(r.id(), r.vector());
            }
        }
        List<VectorRecord> candidates = records.stream().filter(r -> vectors.containsKey(r.id())).toList();
        long[][] ids = new long[queries.size()][];
        double[] kth = new double[queries.size()];
        int[] tied = new int[queries.size()];
        double[] scores = new double[candidates.size()];
        for (int q = 0; q < queries.size(); q++) {
            PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, (a, b) -> a.score() != b.score()
                    ? Double.compare(a.score(), b.score()) : Long.compare(b.id(), a.id())); // worst first; ties: lower id kept
            for (int i = 0; i < candidates.size(); i++) {
                scores[i] = dot(candidates.get(i).vector(), queries.get(q));
                best.add(new Scored(candidates.get(i).id(), scores[i]));
                if (best.size() > k) {
                    best.poll();
                }
            }
            ids[q] = best.stream().mapToLong(Scored::id).toArray();
            kth[q] = best.isEmpty() ? Double.NEGATIVE_INFINITY : best.peek().score();
            int atLeastKth = 0;
            for (double s : scores) {
                if (s >= kth[q] - TOLERANCE) {
                    atLeastKth++;
                }
            }
            tied[q] = atLeastKth - ids[q].length;
        }
        return new ExactNeighbours(vectors, queries, k, ids, kth, tied);
    }

    /** The exact top k's ids per query (in no particular order). */
    public long[][] ids() {
        return ids;
    }

    /** Per query: how many vectors beyond the top k score as high as its k-th (0 when the top k is unambiguous). */
    public int[] tiedBeyondK() {
        return tiedBeyondK.clone();
    }

    /** Recall@k of {@code answers} (ids per query, in the queries' order), averaged over the queries. */
    public Recall recall(long[][] answers) {
        double byId = 0;
        double tieAware = 0;
        for (int q = 0; q < ids.length; q++) {
            int expected = Math.max(1, ids[q].length);
            Set<Long> truth = new HashSet<>(Arrays.stream(ids[q]).boxed().toList());
            long[] answer = Arrays.stream(answers[q]).distinct().limit(k).toArray();
            byId += Arrays.stream(answer).filter(truth::contains).count() / (double) expected;
            float[] query = queries.get(q);
            double kth = kthScores[q];
            tieAware += Arrays.stream(answer).filter(id -> vectors.containsKey(id)
                    && dot(vectors.get(id), query) >= kth - TOLERANCE).count() / (double) expected;
        }
        return new Recall(byId / ids.length, tieAware / ids.length);
    }

    private record Scored(long id, double score) {
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
