package io.hybridmatch.normalization.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleHeadTest {

    private final TitleHead heads = new TitleHead(TaxonomyFiles.bundled());

    /** The head word of a title, or null. */
    private String head(String title) {
        var words = LabelKey.tokens(title);
        int i = heads.of(title, words);
        return i < 0 ? null : words.get(i);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            // French: the job noun first, whatever follows it
            "Électricien câbleur; electricien",
            "Cuisinier pâtissier; cuisinier",
            "Technicien de maintenance; technicien",
            "Vendeur caissier; vendeur",
            // English: the job noun last
            "Maintenance electrician; electrician",
            "Night nurse; nurse",
            "Commercial cleaner; cleaner",
            "Payroll accountant; accountant"})
    void theJobNounIsFirstInFrenchAndLastInEnglish(String title, String head) {
        assertThat(head(title)).isEqualTo(head);
    }

    @Test
    void aTeamLeadersTitleIsHeadedByTheTradeItLeads() {
        assertThat(head("Chef d'équipe plombier")).isEqualTo("plombier");
        assertThat(head("Chef d'équipe")).as("no trade after it").isEqualTo("chef");
    }

    @Test
    void noHeadForOneWordOrSeveralPhrases() {
        assertThat(head("Plombier")).isNull();
        assertThat(head("Ancien boulanger, aujourd'hui développeur web")).isNull();
    }
}
