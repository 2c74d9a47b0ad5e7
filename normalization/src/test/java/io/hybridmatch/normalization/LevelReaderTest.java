package io.hybridmatch.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.taxonomy.OccupationReader;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelReaderTest {

    private static final Taxonomy TAXONOMY = TaxonomyFiles.configured();
    private final LevelReader levels = new LevelReader(TAXONOMY);
    private final OccupationReader occupations = new OccupationReader(TAXONOMY);

    /** The level of a title alone, its occupation read as the normaliser reads it. */
    private Seniority titled(String title, Integer years) {
        return levels.level(null, title, occupations.occupation(title, null, List.of()), years, null);
    }

    @Test
    void aRankNounInTheOccupationsNameIsTheJobNotTheLevel() {
        assertThat(titled("Community Manager", 1)).as("the job is called manager").isEqualTo(Seniority.JUNIOR);
        assertThat(titled("Responsable de magasin", 3)).isEqualTo(Seniority.MID);
        assertThat(titled("Head chef", 6)).isEqualTo(Seniority.SENIOR);
        assertThat(titled("Junior Account Manager", 8)).as("the adjective says it").isEqualTo(Seniority.JUNIOR);
        assertThat(titled("Community Manager", null)).as("nothing else says it").isNull();
    }

    @Test
    void rankWordsOutsideTheOccupationsNameStillCount() {
        assertThat(titled("Développeur Java senior", 1)).isEqualTo(Seniority.SENIOR);
        assertThat(titled("Tech Lead Java", 1)).isEqualTo(Seniority.LEAD);
        assertThat(titled("Chef d'équipe électricien", 1)).isEqualTo(Seniority.LEAD);
        assertThat(titled("Manager", 1)).as("no occupation named around it").isEqualTo(Seniority.LEAD);
    }

    @Test
    void theLevelFieldComesFirstAndMayBeANumberOfYears() {
        assertThat(levels.level("Confirmé", "Senior nurse", null, 12, null)).isEqualTo(Seniority.MID);
        assertThat(levels.level("3-5 ans", "Infirmier", null, null, null)).isEqualTo(Seniority.MID);
        assertThat(levels.level("10+ years", "Nurse", null, null, null)).isEqualTo(Seniority.LEAD);
        assertThat(levels.level("Associate", "Nurse", null, 1, null)).as("a field naming no level").isEqualTo(Seniority.JUNIOR);
    }

    @Test
    void theYearsItAsksForOrHasThenTheYearsItsTextStates() {
        assertThat(levels.level(null, "Soudeur", null, 6, "Vous avez 2 ans d'expérience.")).isEqualTo(Seniority.SENIOR);
        assertThat(levels.level(null, "Soudeur", null, null, "Vous justifiez de 3 à 5 ans d'expérience en soudure TIG."))
                .isEqualTo(Seniority.MID);
        assertThat(levels.level(null, "Welder", null, null, "5+ years of experience in MIG welding.")).isEqualTo(Seniority.SENIOR);
        assertThat(levels.level(null, "Nurse", null, null, "Experience: 12 yrs in A&E.")).isEqualTo(Seniority.LEAD);
        assertThat(levels.level(null, "Soudeur", null, null, "Entreprise familiale créée il y a 40 ans, 25 salariés."))
                .as("years that are not experience").isNull();
        assertThat(levels.level(null, null, null, null, null)).isNull();
    }
}
