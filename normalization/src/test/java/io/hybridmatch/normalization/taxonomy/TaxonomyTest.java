package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

    private final Taxonomy taxonomy = TaxonomyFiles.bundled();

    @Test
    void shipsEscoAndTheCuratedLayers() {
        Figures figures = taxonomy.figures();
        assertThat(figures.occupations()).isGreaterThan(2_900);
        assertThat(figures.skills()).isGreaterThan(13_000);
        assertThat(figures.labelsFr()).isGreaterThan(20_000);
        assertThat(figures.labelsEn()).isGreaterThan(20_000);
        assertThat(figures.occupationsWithTypicalSkills()).isGreaterThan(100);
        // ESCO's "Java" merged into the curated java, and its broader skill came along
        assertThat(taxonomy.skill("java").orElseThrow().broader()).contains("computer_programming");
        assertThat(taxonomy.occupation("java_developer").orElseThrow().group()).as("inherited from software developer")
                .isEqualTo("2512");
    }

    @Test
    void skillRelations() {
        assertThat(taxonomy.broaderSkills("spring", 1)).containsExactly("java");
        assertThat(taxonomy.broaderSkills("spring", 2)).contains("java", "computer_programming");
        assertThat(taxonomy.broaderSkills("spring", 1)).as("asked again, after depth 2").containsExactly("java");
        assertThat(taxonomy.broaderSkills("no_such_skill", 2)).isEmpty();
        assertThat(taxonomy.related("docker", "kubernetes")).isTrue();
        assertThat(taxonomy.related("kubernetes", "docker")).as("either way").isTrue();
        assertThat(taxonomy.related("docker", "pastry")).isFalse();
        assertThat(taxonomy.related("install_lighting", "3d_lighting")).as("ESCO's skill → skill relations").isTrue();
        assertThat(taxonomy.typicalSkills("forklift_operator")).contains("caces", "forklift");
    }

    @Test
    void occupationSkillsFromEscoBothWays() {
        OccupationSkills relations = taxonomy.occupationSkills();
        assertThat(relations.size()).as("ESCO's 116,410 pairs that name ESCO 1.0 concepts, plus curated ones")
                .isGreaterThan(110_000);
        assertThat(relations.essential("forklift_operator")).as("ESCO and the curated typical skills")
                .contains("operate_forklift", "carry_out_stock_rotation", "caces", "forklift");
        assertThat(relations.optional("cook")).contains("cook_meat_dishes").doesNotContainAnyElementsOf(
                relations.essential("cook"));
        assertThat(relations.occupationsNeeding("operate_forklift")).contains("forklift_operator");
        assertThat(relations.occupationsUsing("cook_meat_dishes")).contains("cook");
        // an ESCO skill merged into a curated one keeps its relations under the curated id
        assertThat(relations.occupationsNeeding("computer_programming")).contains("software_developer");
        assertThat(relations.essential("no_such_occupation")).isEmpty();
    }

    @Test
    void aRelationToAnUnknownSkillFailsTheLoad() {
        TaxonomyBuilder builder = new TaxonomyBuilder()
                .layer("concepts", List.of("occupation\tbaker\t7512\t\t\tfr:boulanger", "skill\tbread\tcurated\t\t\tpain"))
                .occupationSkills("relations", List.of("baker\tbread\tcroissants"));
        assertThatThrownBy(builder::build).hasMessageContaining("croissants");
    }

    @Test
    void occupationFit() {
        assertThat(taxonomy.occupationFit("java_developer", "java_developer")).isEqualTo(Taxonomy.Fit.SAME);
        assertThat(taxonomy.occupationFit("java_developer", "python_developer")).as("both software developers")
                .isEqualTo(Taxonomy.Fit.ADJACENT);
        assertThat(taxonomy.occupationFit("java_developer", "software_developer")).as("its broader occupation")
                .isEqualTo(Taxonomy.Fit.ADJACENT);
        assertThat(taxonomy.occupationFit("data_scientist", "data_analyst")).as("ISCO 2511 both")
                .isEqualTo(Taxonomy.Fit.ADJACENT);
        assertThat(taxonomy.occupationFit("java_developer", "nurse_responsible_for_general_care"))
                .isEqualTo(Taxonomy.Fit.UNRELATED);
    }

    @Test
    void occupationsOfOneTradeFitAsTheSame() {
        // juriste d'entreprise / avocat, business developer / commercial grands comptes, vendeur en prêt-à-porter / vendeur
        assertThat(fits("legal_consultant lawyer", "business_developer sales_account_manager",
                "ict_network_administrator ict_system_administrator", "clothing_specialized_seller shop_assistant"))
                .containsOnly(Taxonomy.Fit.SAME);
        assertThat(fits("welder boilermaker", "cashier shop_assistant", "legal_assistant lawyer"))
                .as("neighbouring trades stay apart").doesNotContain(Taxonomy.Fit.SAME);
    }

    private List<Taxonomy.Fit> fits(String... pairs) {
        return Arrays.stream(pairs).map(pair -> pair.split(" ")).map(p -> taxonomy.occupationFit(p[0], p[1])).toList();
    }

    @Test
    void aDeploymentFileExtendsATradeAndAnUnknownMemberFailsTheLoad(@TempDir Path dir) throws Exception {
        Path extra = dir.resolve("acme-trades.tsv");
        Files.writeString(extra, "trade\tlegal_counsel\t\t\tlegal_policy_officer\t\n");
        Taxonomy extended = TaxonomyFiles.withExtensions(List.of(extra));
        assertThat(extended.occupationFit("legal_policy_officer", "lawyer")).isEqualTo(Taxonomy.Fit.SAME);
        assertThat(taxonomy.occupationFit("legal_policy_officer", "lawyer")).as("the shipped taxonomy is untouched")
                .isNotEqualTo(Taxonomy.Fit.SAME);
        assertThatThrownBy(() -> TaxonomyFiles.of(List.of(List.of("trade\tt\t\t\tnowhere\t"))))
                .hasMessageContaining("unknown ids: trade t → nowhere");
    }

    @Test
    void aDeploymentFileAddsLabelsAndConcepts(@TempDir Path dir) throws Exception {
        Path extra = dir.resolve("acme.tsv");
        Files.writeString(extra, """
                # Acme's own words
                skill\tjava\t\t\t\ten:JVM stack
                skill\tacme_erp\tcurated\terp\t\tAcmeERP|en:Acme ERP
                occupation\tacme_picker\t\twarehouse_worker\tacme_erp|order_picking\tfr:Ninja logistique
                """);
        Taxonomy extended = TaxonomyFiles.withExtensions(List.of(extra));
        assertThat(extended.skillNamed("jvm stack")).contains("java");
        assertThat(extended.skillNamed("acmeerp")).contains("acme_erp");
        assertThat(extended.broaderSkills("acme_erp", 1)).containsExactly("erp");
        assertThat(new OccupationNormalizer(extended).read("Ninja logistique H/F")).extracting(OccupationNormalizer.Named::occupation).startsWith("acme_picker");
        assertThat(extended.occupationFit("acme_picker", "warehouse_worker")).isEqualTo(Taxonomy.Fit.ADJACENT);
        assertThat(taxonomy.skillNamed("jvm stack")).as("the shipped taxonomy is untouched").isEmpty();
    }

    @Test
    void aHandWrittenLayerRefusesALabelNamingTwoConceptsAndUnknownReferences() {
        assertThatThrownBy(() -> TaxonomyFiles.of(List.of(List.of("skill\ta\t\t\t\tfoo", "skill\tb\t\t\t\tFoos"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Foos' names both a and b");
        assertThatThrownBy(() -> TaxonomyFiles.of(List.of(List.of("skill\ta\t\tnowhere\t\tfoo"))))
                .hasMessageContaining("unknown ids: skill a → nowhere");
        assertThatThrownBy(() -> TaxonomyFiles.of(List.of(List.of("skill\ta\tfoo"))))
                .hasMessageContaining("layer 1:1: expected 6 tab-separated fields");
    }

    @Test
    void aLayerMarkedSoDropsAmbiguousAlternativeLabelsAndKeepsPreferredOnes() {
        Taxonomy t = TaxonomyFiles.of(List.of(List.of("#! ambiguous-labels: drop",
                "skill\ta\t\t\t\ten:alpha|en:shared|en:beta", "skill\tb\t\t\t\ten:beta|en:shared")));
        assertThat(t.skillNamed("shared")).as("alternative in both: dropped").isEmpty();
        assertThat(t.skillNamed("beta")).as("preferred in b beats alternative in a").contains("b");
    }

    @Test
    void aLaterLayerTakesOverAConceptByItsPreferredName() {
        Taxonomy t = TaxonomyFiles.of(List.of(
                List.of("skill\tesco_js\t\t\t\ten:JavaScript|en:ECMAScript", "skill\tweb\t\t\t\ten:web programming",
                        "skill\tjquery_esco\t\tesco_js\t\ten:jQuery"),
                List.of("skill\tjs\t\tweb\t\tjavascript|=js")));
        assertThat(t.skillNamed("ECMAScript")).contains("js");
        assertThat(t.broaderSkills("jquery_esco", 1)).containsExactly("js");
        assertThat(t.skill("esco_js")).isEmpty();
    }
}
