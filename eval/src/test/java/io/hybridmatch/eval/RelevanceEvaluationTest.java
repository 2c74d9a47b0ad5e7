package io.hybridmatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.matching.MatchDirection;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RelevanceEvaluationTest {

    private static final List<String> SETS = List.of("set 1", "set 2", "set 2 dev", "set 2 sealed");

    @Test
    void aDevelopmentRunShowsNeitherTheSealedPartNorSetTwoAsAWholeWhichWouldTellIt() {
        Predicate<String> shown = RelevanceEvaluation.shownGroups(false);
        for (MatchDirection direction : MatchDirection.values()) {
            assertThat(SETS.stream().map(set -> SystemScores.group(set, direction) + " ").filter(shown))
                    .containsExactly(SystemScores.group("set 1", direction) + " ", SystemScores.group("set 2 dev", direction) + " ");
        }
        assertThat(SETS.stream().map(set -> set + " ").filter(shown)).as("the error anatomy's labels")
                .containsExactly("set 1 ", "set 2 dev ");
    }

    @Test
    void theSealedRunShowsEveryGroup() {
        Predicate<String> shown = RelevanceEvaluation.shownGroups(true);
        assertThat(SETS.stream().map(set -> SystemScores.group(set, MatchDirection.CANDIDATES_FOR_OFFER)).filter(shown)).hasSize(4);
    }
}
