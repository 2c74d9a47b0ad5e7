package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.EducationLevel;
import io.hybridmatch.normalization.Seniority;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureScorerTest {

    private final FeatureScorer scorer = new FeatureScorer(Gazetteer.bundled(), TaxonomyFiles.bundled());

    private static Subject offer(List<String> skills, List<String> coreSkills) {
        return new Subject(1, null, null, skills, coreSkills, null, null, false, null, List.of(), null, null);
    }

    private static Subject candidate(List<String> skills) {
        return new Subject(2, null, null, skills, skills, null, null, false, null, List.of(), null, null);
    }

    @Test
    void anOffersCandidatesAreScoredOnItsCoreSkillsACandidatesOffersOnEveryOne() {
        Subject offer = offer(List.of("forklift", "pastry"), List.of("forklift"));
        Subject candidate = candidate(List.of("forklift"));
        assertThat(scorer.score(MatchDirection.CANDIDATES_FOR_OFFER, offer, candidate).scores())
                .containsEntry(Criterion.SKILLS, 1.0);
        assertThat(scorer.score(MatchDirection.OFFERS_FOR_CANDIDATE, offer, candidate).scores())
                .containsEntry(Criterion.SKILLS, 0.5);
    }

    private static Subject offer(Seniority seniority, Integer years, List<String> languages, EducationLevel education) {
        return new Subject(1, null, null, List.of(), List.of(), seniority, null, false, years, languages, education, null);
    }

    private static Subject candidate(Seniority seniority, Integer years, List<String> languages, EducationLevel education) {
        return new Subject(2, null, null, List.of(), List.of(), seniority, null, false, years, languages, education, null);
    }

    private Map<Criterion, Double> scores(Subject offer, Subject candidate) {
        return scorer.score(MatchDirection.CANDIDATES_FOR_OFFER, offer, candidate).scores();
    }

    @Test
    void aLevelOneStepAwayIsAFitTwoStepsAreNot() {
        Subject senior = offer(Seniority.SENIOR, null, List.of(), null);
        assertThat(scores(senior, candidate(Seniority.MID, null, List.of(), null))).containsEntry(Criterion.SENIORITY, 1.0);
        assertThat(scores(senior, candidate(Seniority.LEAD, null, List.of(), null))).containsEntry(Criterion.SENIORITY, 1.0);
        assertThat(scores(senior, candidate(Seniority.JUNIOR, null, List.of(), null))).containsEntry(Criterion.SENIORITY, 0.0);
    }

    @Test
    void whatTheOfferRequiresAndTheCandidateDoesNotSayIsUnknownNotLeftOut() {
        Subject offer = offer(Seniority.SENIOR, 5, List.of("en"), EducationLevel.BACHELOR);
        assertThat(scores(offer, candidate(null, null, List.of(), null)))
                .containsEntry(Criterion.SENIORITY, FeatureScorer.UNKNOWN).containsEntry(Criterion.EXPERIENCE, FeatureScorer.UNKNOWN)
                .containsEntry(Criterion.LANGUAGES, FeatureScorer.UNKNOWN).containsEntry(Criterion.EDUCATION, FeatureScorer.UNKNOWN);
        assertThat(scores(offer(null, null, List.of(), null), candidate(Seniority.MID, 3, List.of("en"), EducationLevel.BACHELOR)))
                .as("what the offer does not ask is not scored")
                .doesNotContainKeys(Criterion.SENIORITY, Criterion.EXPERIENCE, Criterion.LANGUAGES, Criterion.EDUCATION);
    }

    @Test
    void anOfferWithoutCoreSkillsHasNoSkillsScoreForItsCandidates() {
        Subject offer = offer(List.of("pastry"), List.of());
        assertThat(scorer.score(MatchDirection.CANDIDATES_FOR_OFFER, offer, candidate(List.of("forklift"))).scores())
                .doesNotContainKey(Criterion.SKILLS);
    }
}
