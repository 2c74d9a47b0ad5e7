package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.List;
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

    @Test
    void anOfferWithoutCoreSkillsHasNoSkillsScoreForItsCandidates() {
        Subject offer = offer(List.of("pastry"), List.of());
        assertThat(scorer.score(MatchDirection.CANDIDATES_FOR_OFFER, offer, candidate(List.of("forklift"))).scores())
                .doesNotContainKey(Criterion.SKILLS);
    }
}
