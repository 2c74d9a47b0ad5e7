package io.hybridmatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.matching.MatchDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void theSeedTableHasEachSeedsHeldOutFigureAndTheirMean() {
        // retrieval puts a grade-0 hit first, the skills put the grade-3 one first: every held-out fold learns that
        int skills = PoolCollector.CATEGORIES.indexOf("skills");
        List<RankingQuery> queries = new ArrayList<>();
        for (MatchDirection direction : MatchDirection.values()) {
            for (long id = 1; id <= 10; id++) {
                queries.add(new RankingQuery("set 1", direction, id, List.of(hit(1, 3, 0.2, skills, 1.0), hit(2, 0, 0.9, skills, 0.0)),
                        new int[]{3, 0}));
            }
        }
        Map<FusionConfig, List<RankingQuery>> byFusion = new LinkedHashMap<>();
        RelevanceEvaluation.SCORING.forEach(f -> byFusion.put(f, queries));
        String table = RelevanceEvaluation.seedTable(List.of(), new RelevanceEvaluation.Pools(byFusion, Map.of()), new long[]{11, 12});
        assertThat(table.lines()).containsExactly("| seed | set 1 offer → candidates | set 1 candidate → offers |", "|---|---|---|",
                "| 11 | 1.0000 | 1.0000 |", "| 12 | 1.0000 | 1.0000 |", "| **mean** | **1.0000** | **1.0000** |");
    }

    private static RankingQuery.Hit hit(long id, int grade, double retrieval, int category, double score) {
        double[] scores = new double[PoolCollector.CATEGORIES.size()];
        double[] factors = new double[scores.length];
        Arrays.fill(scores, Double.NaN);
        scores[0] = retrieval;
        factors[0] = 1;
        scores[category] = score;
        factors[category] = 1;
        return new RankingQuery.Hit(id, grade, scores, factors);
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
