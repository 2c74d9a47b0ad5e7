package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OccupationBySkillsTest {

    private final OccupationBySkills bySkills = new OccupationBySkills(TaxonomyFiles.bundled());

    @Test
    void skillsPointToTheOccupationThatListsThem() {
        assertThat(bySkills.occupation(List.of("caces", "forklift", "warehouse_operations"))).contains("forklift_operator");
        assertThat(bySkills.occupation(List.of("java", "spring", "kafka", "postgresql"))).contains("java_developer");
        assertThat(bySkills.occupation(List.of("payroll", "social_declarations"))).contains("payroll_clerk");
    }

    @Test
    void oneSharedSkillOrSkillsNobodyListsNameNothing() {
        assertThat(bySkills.occupation(List.of("first_aid"))).isEmpty();
        assertThat(bySkills.occupation(List.of("quantum knitting", "poetry"))).isEmpty();
        assertThat(bySkills.occupation(List.of())).isEmpty();
    }

    @Test
    void amongTheOccupationsATitleNamesTheSkillsPickOne() {
        List<String> named = List.of("baker", "java_developer");
        assertThat(bySkills.among(named, List.of("java", "spring", "hibernate"))).contains("java_developer");
        assertThat(bySkills.among(named, List.of("bread_making", "baking"))).contains("baker");
        assertThat(bySkills.among(named, List.of("payroll", "social_declarations"))).as("neither").isEmpty();
    }
}
