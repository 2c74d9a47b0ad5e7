package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkillConsensusTest {

    private final SkillConsensus consensus = new SkillConsensus();

    @Test
    void eachDocumentIsTheCosineOfItsSkillsWithTheOthersAtTheTopWeighedByRank() {
        List<Double> scores = consensus.of(List.of(List.of("java", "sql"), List.of("java"), List.of("welding"),
                List.of(), List.of("java", "welding")));

        // support without the first document: java 1/2 + 1/5, welding 1/3 + 1/5
        double java = 1 / 2.0 + 1 / 5.0;
        double welding = 1 / 3.0 + 1 / 5.0;
        assertThat(scores.get(0)).isCloseTo(java / Math.sqrt(2 * (java * java + welding * welding)), within(1e-9));
        // without the second: java 1 + 1/5, sql 1, welding 1/3 + 1/5
        double javaSecond = 1 + 1 / 5.0;
        assertThat(scores.get(1)).isCloseTo(javaSecond / Math.sqrt(javaSecond * javaSecond + 1 + welding * welding),
                within(1e-9));
        assertThat(scores.get(3)).isNull();
    }

    @Test
    void aSkillListedTwiceCountsOnce() {
        List<Double> once = consensus.of(List.of(List.of("java"), List.of("java", "sql")));
        List<Double> twice = consensus.of(List.of(List.of("java", "java"), List.of("java", "sql", "sql")));

        assertThat(twice).containsExactlyElementsOf(once);
    }

    @Test
    void aDocumentPastTheTopIsScoredByAllOfIt() {
        List<List<String>> pool = new ArrayList<>(Collections.nCopies(PoolTop.SIZE, List.of("welding")));
        pool.add(List.of("java"));
        pool.add(List.of("welding"));
        pool.add(List.of("welding", "java"));

        List<Double> scores = consensus.of(pool);

        assertThat(scores.get(PoolTop.SIZE)).isZero();
        assertThat(scores.get(PoolTop.SIZE + 1)).isCloseTo(1.0, within(1e-9));
        assertThat(scores.get(PoolTop.SIZE + 2)).isCloseTo(1 / Math.sqrt(2), within(1e-9));
    }

    @Test
    void aLonePoolHasNoOneToAgreeWith() {
        assertThat(consensus.of(List.of(List.of("welding")))).containsExactly(0.0);
    }
}
