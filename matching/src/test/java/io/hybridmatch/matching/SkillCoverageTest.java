package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SkillCoverageTest {

    private final SkillCoverage coverage = new SkillCoverage(TaxonomyFiles.bundled());

    @Test
    void aFrameworkImpliesItsLanguageInFull() {
        SkillCoverage.Result r = coverage.of(List.of("java", "javascript", "nodejs"), List.of("spring", "express"), null);
        assertThat(r.score()).isEqualTo(1.0);
        assertThat(r.matched()).containsExactly("java", "javascript", "nodejs");
        assertThat(r.inferred()).containsExactly(
                new Explanation.InferredSkill("java", "narrower", "spring", 1.0),
                new Explanation.InferredSkill("javascript", "narrower", "express", 1.0),
                new Explanation.InferredSkill("nodejs", "narrower", "express", 1.0));
    }

    @Test
    void aBroaderOrRelatedSkillCountsInPart() {
        SkillCoverage.Result r = coverage.of(List.of("spring", "kubernetes", "pastry"), List.of("java", "docker"), null);
        assertThat(r.score()).isCloseTo((0.5 + 0.5 + 0) / 3, Offset.offset(1e-9));
        assertThat(r.matched()).isEmpty();
        assertThat(r.missing()).containsExactly("pastry");
        assertThat(r.inferred()).containsExactly(new Explanation.InferredSkill("spring", "broader", "java", 0.5),
                new Explanation.InferredSkill("kubernetes", "related", "docker", 0.5));
    }

    @Test
    void escoSkillRelationsCountInPart() {
        SkillCoverage.Result r = coverage.of(List.of("install_lighting"), List.of("3d_lighting"), null);
        assertThat(r.score()).isEqualTo(0.5);
        assertThat(r.inferred()).containsExactly(new Explanation.InferredSkill("install_lighting", "related", "3d_lighting", 0.5));
    }

    @Test
    void aSkillTypicalOfTheCandidatesOccupationCountsALittle() {
        SkillCoverage.Result r = coverage.of(List.of("caces", "wms"), List.of(), "forklift_operator");
        assertThat(r.score()).isCloseTo(0.3 / 2, Offset.offset(1e-9));
        assertThat(r.inferred()).containsExactly(new Explanation.InferredSkill("caces", "typical", "forklift_operator", 0.3));
        assertThat(r.missing()).containsExactly("wms");
    }

    @Test
    void exactMatchesAndNothingRequired() {
        assertThat(coverage.of(List.of("sql", "excel"), List.of("excel", "sql"), null).score()).isEqualTo(1.0);
        assertThat(coverage.of(List.of(), List.of("excel"), null).score()).isZero();
    }
}
