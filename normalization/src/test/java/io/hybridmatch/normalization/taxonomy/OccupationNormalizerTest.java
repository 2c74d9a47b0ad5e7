package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccupationNormalizerTest {

    private final OccupationNormalizer occupations = new OccupationNormalizer(TaxonomyFiles.bundled());

    /** The occupations a title names, best first. */
    private List<String> candidates(String title) {
        return occupations.read(title).stream().map(OccupationNormalizer.Named::occupation).toList();
    }

    private Optional<String> first(String title) {
        return candidates(title).stream().findFirst();
    }

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
            // French IT titles ESCO gives to a hardware engineer or a network technician
            "Ingénieur systèmes et réseaux H/F; ict_system_administrator",
            "Ingénieure système Windows; ict_system_administrator",
            "Systems Engineer; ict_system_administrator",
            "Conducteur PL; heavy_truck_driver",
            "Sales Advisor; shop_assistant",
            "Employée de commerce; shop_assistant",
            "Domiciliary carer; home_care_aide",
            // a French compound title names its main trade first
            "Chaudronnier soudeur; boilermaker",
            "Soudeur-chaudronnier; welder",
            // ESCO's own labels, no curated line for them
            "Boucher; butcher",
            "Knitter; knitter",
            // the most informative label wins, not the longest or the first: "commercial" alone is an ESCO label (a
            // sales representative in French), but many occupations' labels use the word, "lawyer" / "avocat" few
            "Commercial Property Lawyer; lawyer",
            "Avocate en droit commercial; lawyer",
            // a label inside a longer one is not a reading of its own ("chef" in "chef d'équipe électricien")
            "Chef d'équipe électricien; electrical_supervisor"})
    void titlesNameAnOccupation(String title, String occupation) {
        assertThat(first(title)).contains(occupation);
    }

    /**
     * Two labels in one title: the one holding its head word ({@link TitleHead}) first, even when the other weighs
     * more (before: the assembler, the pastry chef, the cashier, the bartender).
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "Électricien câbleur; electrician",
            "Cuisinier pâtissier; cook",
            "Vendeuse caissière; shop_assistant",
            "Serveur barman; waiter_waitress"})
    void theLabelOfTheTitlesHeadComesFirst(String title, String occupation) {
        assertThat(first(title)).contains(occupation);
    }

    @Test
    void aKnownTitleInsideAHeadlineIsFound() {
        assertThat(first("Infirmière diplômée d'État en EHPAD, 10 ans d'expérience"))
                .contains("nurse_responsible_for_general_care");
        assertThat(first("Chef de projet informatique / PMO")).contains("ict_project_manager");
    }

    @Test
    void rankWordsThatAreAlsoLabelsAreDroppedUnlessNothingElseIsOne() {
        assertThat(first("Principal Software Engineer")).contains("software_developer");
        assertThat(first("Lead Java Developer")).contains("java_developer");
        assertThat(first("Chief Accountant")).contains("accountant");
        assertThat(first("Principal")).as("the head of a school").contains("principal");
    }

    @Test
    void aCareerChangeNamesTheOccupationAfterTheArrow() {
        assertThat(candidates("Boulanger → Développeur Java")).containsExactly("java_developer");
        assertThat(candidates("Ex-infirmière -> Chargée de recrutement")).containsExactly("recruitment_consultant");
        assertThat(candidates("Boulanger → en reconversion")).as("nothing after the arrow").containsExactly("baker");
    }

    @Test
    void aHeadlineNamingSeveralTitlesGivesThemAllMostInformativeFirst() {
        assertThat(candidates("Ancien boulanger, aujourd'hui développeur Java"))
                .containsExactly("java_developer", "baker");
        assertThat(candidates("Cariste CACES 3")).as("a whole title: only it").containsExactly("forklift_operator");
        assertThat(candidates("Open to work")).isEmpty();
    }

    @Test
    void theShareOfTheTitleALabelCoversSaysHowMuchItReads() {
        assertThat(occupations.read("Comptable")).containsExactly(new OccupationNormalizer.Named("accountant", 1.0));
        // ESCO lists "ingénieur" alone as a label (of a metallurgist); it is the least of what this title says
        assertThat(occupations.read("Ingénieur Kubernetes").getFirst().share()).isLessThan(OccupationReader.WEAK);
    }

    @Test
    void aJuniorLevelWordIsNotTheJob() {
        // the words Seniority reads as a junior level; "graduate" was read into a call-centre analyst's label
        assertThat(first("Graduate Data Analyst")).contains("data_analyst");
        assertThat(occupations.read("Intern accountant")).containsExactly(new OccupationNormalizer.Named("accountant", 1.0));
        assertThat(occupations.read("Jeune diplômé Analyste financier").getFirst().share()).isGreaterThan(OccupationReader.WEAK);
    }

    @Test
    void nothingWhenOnlyLevelOrContractWordsRemain() {
        assertThat(first("Senior (H/F) - CDI")).isEmpty();
        assertThat(first("  ")).isEmpty();
        assertThat(first(null)).isEmpty();
    }
}
