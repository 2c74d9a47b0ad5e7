package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static RankedList list(String name, Object... idsAndScores) {
        LinkedHashMap<Long, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            scores.put(((Number) idsAndScores[i]).longValue(), ((Number) idsAndScores[i + 1]).doubleValue());
        }
        return new RankedList(name, scores);
    }

    private final RankedList keyword = list("elasticsearch", 1, 12.0, 2, 8.0, 3, 2.0);
    private final RankedList vector = list("faiss", 3, 0.9, 4, 0.5);

    @Test
    void rrfUsesRanksOnly() {
        Map<Long, Double> f = Fusion.fuse(FusionMethod.RRF, keyword, vector, 60, 0.5);
        assertThat(f.get(1L)).isCloseTo(1 / 61.0, offset(1e-12));
        assertThat(f.get(3L)).isCloseTo(1 / 63.0 + 1 / 61.0, offset(1e-12));
        assertThat(f.get(4L)).isCloseTo(1 / 62.0, offset(1e-12));
    }

    @Test
    void minMaxAndConvexWeighTheVectorSideByAlpha() {
        Map<Long, Double> minmax = Fusion.fuse(FusionMethod.MINMAX, keyword, vector, 60, 0.25);
        assertThat(minmax.get(1L)).isCloseTo(0.75 * 1.0, offset(1e-12));
        assertThat(minmax.get(3L)).isCloseTo(0.75 * 0.0 + 0.25 * 1.0, offset(1e-12));
        assertThat(minmax.get(4L)).isCloseTo(0.0, offset(1e-12));
        Map<Long, Double> convex = Fusion.fuse(FusionMethod.CONVEX, keyword, vector, 60, 0.5);
        assertThat(convex.get(3L)).as("BM25 2/12, cosine (0.9+1)/2").isCloseTo(0.5 * 2 / 12 + 0.5 * 0.95, offset(1e-12));
        assertThat(convex.get(4L)).isCloseTo(0.5 * 0.75, offset(1e-12));
    }

    @Test
    void zScoreGivesAbsentItemsTheListsLowestScore() {
        Map<Long, Double> z = Fusion.fuse(FusionMethod.ZSCORE, keyword, vector, 60, 0.5);
        assertThat(z.get(4L)).as("absent from the keyword list").isLessThan(z.get(3L));
        assertThat(z.get(1L)).isGreaterThan(z.get(2L));
    }

    @Test
    void zScoreKeepsThePlainZScoreOrderWithoutGoingBelowZero() {
        Map<Long, Double> z = Fusion.fuse(FusionMethod.ZSCORE, keyword, vector, 60, 0.5);
        // plain z-scores by hand: keyword mean 22/3, sd sqrt(152/9); vector mean 0.7, sd 0.2; absent = the list's lowest
        double kSd = Math.sqrt(152 / 9.0);
        Map<Long, Double> plain = Map.of(
                1L, 0.5 * (12 - 22 / 3.0) / kSd + 0.5 * -1.0,
                2L, 0.5 * (8 - 22 / 3.0) / kSd + 0.5 * -1.0,
                3L, 0.5 * (2 - 22 / 3.0) / kSd + 0.5 * 1.0,
                4L, 0.5 * (2 - 22 / 3.0) / kSd + 0.5 * -1.0);
        assertThat(z.values()).allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(0.0));
        double shift = z.get(1L) - plain.get(1L);
        plain.forEach((id, score) -> assertThat(z.get(id)).as("id %d", id).isCloseTo(score + shift, offset(1e-12)));
    }
}
