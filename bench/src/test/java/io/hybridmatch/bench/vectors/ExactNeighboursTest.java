package io.hybridmatch.bench.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.vector.VectorRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactNeighboursTest {

    private static final float[] QUERY = {1, 0};

    /** Ids 1..4 all at the query's direction (score 1), 5 a little off (0.8), 6 far (0). */
    private static final List<VectorRecord> RECORDS = List.of(
            new VectorRecord(1, new float[]{1, 0}), new VectorRecord(2, new float[]{1, 0}),
            new VectorRecord(3, new float[]{1, 0}), new VectorRecord(4, new float[]{1, 0}),
            new VectorRecord(5, new float[]{0.8f, 0.6f}), new VectorRecord(6, new float[]{0, 1}));

    @Test
    void theExactTopKKeepsTheLowestIdsOfATieAndCountsTheRestOfIt() {
        ExactNeighbours truth = ExactNeighbours.of(RECORDS, List.of(QUERY), 2, null);

        assertThat(truth.ids()[0]).containsExactlyInAnyOrder(1L, 2L);
        assertThat(truth.tiedBeyondK()).containsExactly(2);
    }

    @Test
    void anotherMemberOfTheTieCountsTieAwareButNotById() {
        ExactNeighbours truth = ExactNeighbours.of(RECORDS, List.of(QUERY), 2, null);

        ExactNeighbours.Recall recall = truth.recall(new long[][]{{3, 4}});

        assertThat(recall.byId()).isZero();
        assertThat(recall.tieAware()).isEqualTo(1.0);
    }

    @Test
    void aFartherVectorCountsNeitherWay() {
        ExactNeighbours truth = ExactNeighbours.of(RECORDS, List.of(QUERY), 2, null);

        ExactNeighbours.Recall recall = truth.recall(new long[][]{{1, 5}});

        assertThat(recall.byId()).isEqualTo(0.5);
        assertThat(recall.tieAware()).isEqualTo(0.5);
    }

    @Test
    void aRepeatedIdFillsOneSlotOnly() {
        ExactNeighbours truth = ExactNeighbours.of(RECORDS, List.of(QUERY), 2, null);

        assertThat(truth.recall(new long[][]{{1, 1}})).isEqualTo(new ExactNeighbours.Recall(0.5, 0.5));
    }

    @Test
    void withAllowedIdsTheTruthAndTheTiesAreThoseOfTheAllowedVectors() {
        ExactNeighbours truth = ExactNeighbours.of(RECORDS, List.of(QUERY), 2, new long[]{4, 5, 6});

        assertThat(truth.ids()[0]).containsExactlyInAnyOrder(4L, 5L);
        assertThat(truth.tiedBeyondK()).containsExactly(0);
        assertThat(truth.recall(new long[][]{{4, 1}}).tieAware()).as("an id outside the filter counts nothing")
                .isEqualTo(0.5);
    }

    @Test
    void scoresWithinTheToleranceOfTheKthAreATie() {
        float nearlyOne = Math.nextDown(1f);
        List<VectorRecord> records = List.of(new VectorRecord(1, new float[]{1, 0}),
                new VectorRecord(2, new float[]{nearlyOne, 0}));
        ExactNeighbours truth = ExactNeighbours.of(records, List.of(QUERY), 1, null);

        assertThat(truth.recall(new long[][]{{2}})).isEqualTo(new ExactNeighbours.Recall(0, 1));
    }
}
