package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.RandomVectors;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plan on a real in-process HNSW index: exact scoring, widened walk, tombstones. */
class SearchPlannerTest {

    private static final int DIMENSION = 16;
    private static final int COUNT = 2_000;

    private final RandomVectors random = new RandomVectors(11, DIMENSION);
    private final float[][] vectors = new float[COUNT][];
    private FaissIndex index;
    private LabelMap labels;

    @BeforeEach
    void fill() {
        index = FaissIndex.create(DIMENSION, "HNSW32", Metric.INNER_PRODUCT);
        float[] flat = new float[COUNT * DIMENSION];
        for (int i = 0; i < COUNT; i++) {
            vectors[i] = random.next();
            System.arraycopy(vectors[i], 0, flat, i * DIMENSION, DIMENSION);
        }
        index.add(flat);
        labels = LabelMap.sequential(LongStream.rangeClosed(1, COUNT).toArray()); // id = label + 1
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static SearchPlanner planner(int exactFilterLimit) {
        return new SearchPlanner(new FaissIndexSpec("c", DIMENSION, Metric.INNER_PRODUCT, "HNSW32", 16, 0),
                new FaissStoreTuning(0.2, 1_000, exactFilterLimit, 39, 1L << 20));
    }

    /** The exact answer: every allowed id scored, best first. */
    private List<Long> bruteForce(float[] query, long[] allowedIds, int k) {
        return LongStream.of(allowedIds).boxed()
                .sorted(Comparator.comparingDouble((Long id) -> -dot(query, vectors[(int) (id - 1)])).thenComparing(id -> id))
                .limit(k).toList();
    }

    private static double dot(float[] a, float[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> (double) a[i] * b[i]).sum();
    }

    @Test
    void aSelectiveFilterIsScoredExactlySoNoAllowedHitIsMissed() {
        long[] allowed = LongStream.rangeClosed(1, COUNT).filter(id -> id % 97 == 0).toArray();
        for (int q = 0; q < 20; q++) {
            float[] query = random.next();
            List<VectorHit> hits = planner(100).search(index, labels, VectorQuery.within(query, 5, allowed));
            assertThat(hits).extracting(VectorHit::id).containsExactlyElementsOf(bruteForce(query, allowed, 5));
        }
    }

    @Test
    void aWideFilterWalksTheGraphAndReturnsOnlyAllowedIds() {
        long[] allowed = LongStream.rangeClosed(1, COUNT).filter(id -> id % 3 == 0).toArray();
        List<VectorHit> hits = planner(0).search(index, labels, VectorQuery.within(random.next(), 10, allowed));
        assertThat(hits).hasSize(10).allMatch(hit -> hit.id() % 3 == 0);
    }

    @Test
    void retiredIdsAreNeverReturned() {
        float[] query = vectors[41];
        assertThat(planner(100).search(index, labels, VectorQuery.of(query, 1))).extracting(VectorHit::id)
                .containsExactly(42L);
        labels.retire(42);
        assertThat(planner(100).search(index, labels, VectorQuery.of(query, 10))).extracting(VectorHit::id)
                .hasSize(10).doesNotContain(42L);
        assertThat(planner(100).search(index, labels, VectorQuery.within(query, 10, new long[] {42, 999_999})))
                .isEmpty();
    }
}
