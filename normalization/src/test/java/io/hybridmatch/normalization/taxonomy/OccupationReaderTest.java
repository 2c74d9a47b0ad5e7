package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OccupationReaderTest {

    private static final List<String> DEVOPS_SKILLS = List.of("kubernetes", "docker", "terraform", "ci_cd");

    private final OccupationReader reader = new OccupationReader(TaxonomyFiles.bundled());

    @Test
    void aTitleThatNamesTheJobDecides() {
        assertThat(reader.occupation("Comptable", null, DEVOPS_SKILLS)).isEqualTo("accountant");
    }

    @Test
    void theSkillsDecideWhenTheTitleNamesTheJobOnlyThroughACommonWord() {
        assertThat(reader.occupation("Ingénieur Kubernetes", null, DEVOPS_SKILLS)).isEqualTo("devops_engineer");
        assertThat(reader.occupation("Avocate en droit commercial", null, List.of()))
                .as("without skills, a weak reading still stands").isEqualTo("lawyer");
    }

    @Test
    void theSkillsDecideWhenTheTitleNamesNone() {
        assertThat(reader.occupation("Open to work", null, DEVOPS_SKILLS)).isEqualTo("devops_engineer");
        assertThat(reader.occupation(null, null, DEVOPS_SKILLS)).isEqualTo("devops_engineer");
        assertThat(reader.occupation("Disponible immédiatement", null, List.of())).isNull();
    }

    @Test
    void theTextNamesTheJobWhenNeitherTheTitleNorTheSkillsDo() {
        assertThat(reader.occupation("Open to work", "Six years on a reach truck. Previous role: forklift driver at a parcel hub.",
                List.of())).isEqualTo("forklift_operator");
        assertThat(reader.occupation(null, "Dix ans en cabinet comme comptable. Mobile en Bretagne.", List.of()))
                .isEqualTo("accountant");
        assertThat(reader.occupation("Disponible immédiatement", "Mobile en Bretagne, permis B.", List.of())).isNull();
    }

    @Test
    void theTitleAndTheSkillsComeBeforeTheText() {
        assertThat(reader.occupation("Comptable", "Previous role: forklift driver.", List.of())).isEqualTo("accountant");
        assertThat(reader.occupation("Open to work", "Previous role: forklift driver.", DEVOPS_SKILLS))
                .isEqualTo("devops_engineer");
    }

    @Test
    void amongSeveralJobsTheTextNamesTheOneItNamesMostIsTaken() {
        assertThat(reader.occupation("Open to work", "Two summers as a forklift driver. Accountant since 2019. "
                + "Looking for an accountant role.", List.of())).isEqualTo("accountant");
    }
}
