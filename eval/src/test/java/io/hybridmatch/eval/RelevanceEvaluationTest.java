package io.hybridmatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.matching.MatchDirection;
import java.util.List;
import java.util.Set;
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

    @Test
    void aProfileWritesSomeOfTheSkillsItHoldsAnOfferEverySkillItRequires() {
        LabelledSet set = new SecondSetGenerator(2026).generate(2, 12, 66);
        set.offerTruth().values().forEach(t -> assertThat(t.shownSkills()).isEqualTo(t.skills()));
        for (var c : set.candidates()) {
            LabelledSet.Truth t = set.candidateTruth().get(((Number) c.get("candidate_id")).longValue());
            assertThat(t.skills()).containsAll(t.shownSkills());
            assertThat((List<?>) c.get("skills")).as("one written form per shown skill").hasSize(t.shownSkills().size());
        }
        assertThat(set.candidateTruth().values()).anyMatch(t -> t.shownSkills().size() < t.skills().size());
    }

    @Test
    void theWrittenSkillsBoundScoresWhatTheProfileWritesNotWhatItHolds() {
        LabelledSet.Truth offer = new LabelledSet.Truth("nurse", 1, "Lyon", false, Set.of("a", "b", "c", "d"));
        LabelledSet.Truth holdsThreeWritesOne = new LabelledSet.Truth("nurse", 1, "Lyon", false, Set.of("a", "b", "c"), Set.of("a"));
        assertThat(FeatureBounds.shownShare(offer, holdsThreeWritesOne)).isEqualTo(0.25);
        assertThat(FeatureBounds.shownShare(new LabelledSet.Truth("nurse", 1, "Lyon", false, null), holdsThreeWritesOne))
                .as("a set without skills").isEqualTo(1.0);
    }
}
