package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccupationNormalizerTest {

    private final OccupationNormalizer occupations = new OccupationNormalizer(TaxonomyFiles.bundled());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "Développeuse Java confirmée (H/F); java_developer",
            "Senior Java developer; java_developer",
            "Developer Java - CDI; java_developer",
            "Infirmier(e) de nuit H/F; nurse_responsible_for_general_care",
            "Registered Nurse; nurse_responsible_for_general_care",
            "IDE; nurse_responsible_for_general_care",
            "Aide-soignante; nurse_assistant",
            "Cariste CACES 3 F/H; forklift_operator",
            "Technicien(ne) de maintenance industrielle; maintenance_technician",
            "Conductrice de travaux; construction_general_supervisor",
            "Gestionnaire de paie; payroll_clerk",
            "Chargée de recrutement IT; recruitment_consultant",
            "Talent Acquisition Partner; recruitment_consultant",
            "Comptable fournisseurs; bookkeeper",
            "Customer Success Manager; customer_success_manager",
            "Commis de cuisine; cook",
            "Cheffe pâtissière; pastry_chef",
            "Électricien bâtiment; electrician",
            "Hôtesse de caisse; cashier",
            "Professeure des écoles; primary_school_teacher",
            "Juriste droit social; legal_consultant",
            "Assistante de direction; administrative_assistant",
            "Technicien photovoltaïque; solar_installer",
            // ESCO's own labels, no curated line for them
            "Boucher; butcher",
            "Knitter; knitter"})
    void titlesNameAnOccupation(String title, String occupation) {
        assertThat(occupations.occupation(title)).contains(occupation);
    }

    @Test
    void theLongestKnownTitleInsideAHeadlineWins() {
        assertThat(occupations.occupation("Infirmière diplômée d'État en EHPAD, 10 ans d'expérience"))
                .contains("nurse_responsible_for_general_care");
        assertThat(occupations.occupation("Chef de projet informatique / PMO")).contains("ict_project_manager");
    }

    @Test
    void aHeadlineNamingSeveralTitlesGivesThemAllLongestFirst() {
        assertThat(occupations.candidates("Ancien boulanger, aujourd'hui développeur Java"))
                .containsExactly("java_developer", "baker");
        assertThat(occupations.candidates("Cariste CACES 3")).as("a whole title: only it").containsExactly("forklift_operator");
        assertThat(occupations.candidates("Open to work")).isEmpty();
    }

    @Test
    void nothingWhenOnlyLevelOrContractWordsRemain() {
        assertThat(occupations.occupation("Senior (H/F) - CDI")).isEmpty();
        assertThat(occupations.occupation("  ")).isEmpty();
        assertThat(occupations.occupation(null)).isEmpty();
    }
}
