package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OccupationReaderTest {

    private static final List<String> DEVOPS_SKILLS = List.of("kubernetes", "docker", "terraform", "ci_cd");

    private final OccupationReader reader = new OccupationReader(TaxonomyFiles.bundled());

    @Test
    void aTitleThatNamesTheJobDecides() {
        assertThat(reader.occupation("Comptable", DEVOPS_SKILLS)).isEqualTo("accountant");
    }

    @Test
    void theSkillsDecideWhenTheTitleNamesTheJobOnlyThroughACommonWord() {
        assertThat(reader.occupation("Ingénieur Kubernetes", DEVOPS_SKILLS)).isEqualTo("devops_engineer");
        assertThat(reader.occupation("Avocate en droit commercial", List.of()))
                .as("without skills, a weak reading still stands").isEqualTo("lawyer");
    }

    @Test
    void theSkillsDecideWhenTheTitleNamesNone() {
        assertThat(reader.occupation("Open to work", DEVOPS_SKILLS)).isEqualTo("devops_engineer");
        assertThat(reader.occupation(null, DEVOPS_SKILLS)).isEqualTo("devops_engineer");
        assertThat(reader.occupation("Disponible immédiatement", List.of())).isNull();
    }
}
