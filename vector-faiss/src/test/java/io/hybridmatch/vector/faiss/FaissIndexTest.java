package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.RandomVectors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding itself, against the real FAISS library. */
class FaissIndexTest {

    private static final int D = 16;
    private final RandomVectors random = new RandomVectors(7, D);

    @Test
    void hnswFindsEachVectorFirstWithItsInnerProduct() {
        float[] data = random.flat(500);
        try (FaissIndex index = FaissIndex.create(D, "HNSW32,Flat", Metric.INNER_PRODUCT)) {
            index.add(data);
            assertThat(index.count()).isEqualTo(500);
            assertThat(index.metric()).isEqualTo(Metric.INNER_PRODUCT);
            for (int label : new int[]{0, 123, 499}) {
                float[] query = Arrays.copyOfRange(data, label * D, (label + 1) * D);
                FaissIndex.SearchResult result = index.search(query, 3, null, 64, 0);
                assertThat(result.labels()[0]).isEqualTo(label);
                assertThat(result.scores()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
                assertThat(result.scores()[1]).isLessThan(result.scores()[0]);
            }
        }
    }

    @Test
    void aWiderHnswSearchFindsMoreOfTheTrueNeighbours() {
        RandomVectors uniform = new RandomVectors(3, 48);
        float[] data = uniform.flat(10_000);
        float[][] queries = new float[100][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = uniform.next();
        }
        try (FaissIndex hnsw = FaissIndex.create(48, "HNSW8,Flat", Metric.INNER_PRODUCT);
             FaissIndex exact = FaissIndex.create(48, "Flat", Metric.INNER_PRODUCT)) {
            hnsw.add(data);
            exact.add(data);
            hnsw.setHnswEfSearch(16);
            double narrow = recallAt10(hnsw, exact, queries, 16);
            hnsw.setHnswEfSearch(256);
            double wide = recallAt10(hnsw, exact, queries, 256);
            assertThat(wide).as("recall %s at efSearch 256 vs %s at 16", wide, narrow).isGreaterThan(narrow + 0.2);
        }
    }

    private static double recallAt10(FaissIndex approximate, FaissIndex exact, float[][] queries, int efSearch) {
        int found = 0;
        for (float[] query : queries) {
            java.util.Set<Long> truth = new java.util.HashSet<>();
            Arrays.stream(exact.search(query, 10, null, 0, 0).labels()).forEach(truth::add);
            found += (int) Arrays.stream(approximate.search(query, 10, null, efSearch, 0).labels()).filter(truth::contains).count();
        }
        return found / (10.0 * queries.length);
    }

    @Test
    void l2SearchReturnsSquaredDistancesAscending() {
        try (FaissIndex index = FaissIndex.create(2, "Flat", Metric.L2)) {
            index.add(new float[]{0, 0, 3, 4, 1, 0});
            FaissIndex.SearchResult result = index.search(new float[]{0, 0}, 3, null, 0, 0);
            assertThat(result.labels()).containsExactly(0, 2, 1);
            assertThat(result.scores()).containsExactly(0f, 1f, 25f);
        }
    }

    @Test
    void bitmapSelectorRestrictsEveryIndexType() {
        float[] data = random.flat(1_000);
        BitSet allowed = new BitSet();
        for (int label = 0; label < 1_000; label += 7) {
            allowed.set(label);
        }
        for (String factory : new String[]{"Flat", "HNSW32,Flat", "IVF8,Flat"}) {
            try (FaissIndex index = FaissIndex.create(D, factory, Metric.INNER_PRODUCT)) {
                index.train(data);
                index.add(data);
                FaissIndex.SearchResult result = index.search(random.next(), 10, allowed.toByteArray(), 512, 8);
                assertThat(Arrays.stream(result.labels()).filter(l -> l >= 0))
                        .as(factory).hasSize(10).allMatch(l -> l % 7 == 0);
            }
        }
    }

    @Test
    void ivfRemovesInPlaceAndHnswRefusesWithFaissMessage() {
        float[] data = random.flat(400);
        try (FaissIndex ivf = FaissIndex.create(D, "IVF4,Flat", Metric.L2)) {
            ivf.train(data);
            ivf.add(data);
            assertThat(ivf.removeIds(new long[]{5, 6, 999})).isEqualTo(2);
            assertThat(ivf.count()).isEqualTo(398);
            FaissIndex.SearchResult result = ivf.search(Arrays.copyOfRange(data, 5 * D, 6 * D), 5, null, 0, 4);
            assertThat(result.labels()).doesNotContain(5L, 6L);
        }
        try (FaissIndex hnsw = FaissIndex.create(D, "HNSW32,Flat", Metric.L2)) {
            hnsw.add(data);
            assertThatThrownBy(() -> hnsw.removeIds(new long[]{1}))
                    .isInstanceOf(FaissException.class).hasMessageContaining("not implemented");
        }
    }

    @Test
    void ivfWithExplicitLabelsReconstructsThroughItsDirectMap() {
        float[] data = random.flat(300);
        try (FaissIndex ivf = FaissIndex.create(D, "IVF4,Flat", Metric.INNER_PRODUCT)) {
            assertThat(ivf.isTrained()).isFalse();
            assertThatThrownBy(() -> ivf.add(data)).isInstanceOf(FaissException.class);
            ivf.train(data);
            ivf.enableReconstruct();
            ivf.add(data);
            assertThat(ivf.reconstruct(42, 1)).containsExactly(Arrays.copyOfRange(data, 42 * D, 43 * D));
        }
        try (FaissIndex ivf = FaissIndex.create(D, "IVF4,Flat", Metric.INNER_PRODUCT)) {
            ivf.train(data);
            ivf.addWithIds(Arrays.copyOf(data, 2 * D), new long[]{1_000, 2_000});
            assertThat(ivf.search(Arrays.copyOf(data, D), 1, null, 0, 4).labels()).containsExactly(1_000L);
        }
    }

    @Test
    void writesAndReadsBackTheSameIndex(@TempDir Path dir) {
        float[] data = random.flat(200);
        float[] query = random.next();
        FaissIndex.SearchResult before;
        try (FaissIndex index = FaissIndex.create(D, "HNSW16,Flat", Metric.INNER_PRODUCT)) {
            index.add(data);
            before = index.search(query, 10, null, 64, 0);
            index.write(dir.resolve("i.faiss"));
        }
        try (FaissIndex read = FaissIndex.read(dir.resolve("i.faiss"))) {
            assertThat(read.count()).isEqualTo(200);
            assertThat(read.dimension()).isEqualTo(D);
            FaissIndex.SearchResult after = read.search(query, 10, null, 64, 0);
            assertThat(after.labels()).containsExactly(before.labels());
            assertThat(read.score(query, new long[]{after.labels()[0]})[0]).isEqualTo(after.scores()[0]);
        }
    }

    @Test
    void errorsAreJavaExceptionsAndClosedIndexesAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> FaissIndex.create(D, "NoSuchIndex99", Metric.L2))
                .isInstanceOf(FaissException.class).hasMessageContaining("NoSuchIndex99");
        assertThatThrownBy(() -> FaissIndex.read(dir.resolve("missing.faiss"))).isInstanceOf(FaissException.class);
        FaissIndex index = FaissIndex.create(D, "Flat", Metric.L2);
        assertThatThrownBy(() -> index.add(new float[D + 1])).isInstanceOf(IllegalArgumentException.class);
        index.close();
        index.close();
        assertThatThrownBy(index::count).isInstanceOf(IllegalStateException.class);
    }
}
