package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupationConsensusTest {

    private final Taxonomy taxonomy = TaxonomyFiles.bundled();
    private final OccupationConsensus consensus = new OccupationConsensus(taxonomy);

    @Test
    void eachDocumentIsScoredByTheOthersAtTheTopWeighedByRankNotByItself() {
        assertThat(taxonomy.occupationFit("java_developer", "welder")).isEqualTo(Taxonomy.Fit.UNRELATED);

        List<Double> scores = consensus.of(Arrays.asList("java_developer", "java_developer", "welder", null, "welder"));

        double all = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0; // an unread document still counts in the total
        assertThat(scores.get(0)).isCloseTo((1 / 2.0) / (all - 1), within(1e-9));
        assertThat(scores.get(1)).isCloseTo(1 / (all - 1 / 2.0), within(1e-9));
        assertThat(scores.get(2)).isCloseTo((1 / 5.0) / (all - 1 / 3.0), within(1e-9));
        assertThat(scores.get(3)).isNull();
        assertThat(scores.get(4)).isCloseTo((1 / 3.0) / (all - 1 / 5.0), within(1e-9));
    }

    @Test
    void aDocumentPastTheTopIsScoredByAllOfIt() {
        List<String> pool = new ArrayList<>(Collections.nCopies(PoolTop.SIZE, "welder"));
        pool.add("java_developer");
        pool.add("welder");

        List<Double> scores = consensus.of(pool);

        assertThat(scores.get(PoolTop.SIZE)).isZero();
        assertThat(scores.get(PoolTop.SIZE + 1)).isEqualTo(1.0);
    }

    @Test
    void aLonePoolHasNoOneToAgreeWith() {
        assertThat(consensus.of(List.of("welder"))).containsExactly(0.0);
    }
}
