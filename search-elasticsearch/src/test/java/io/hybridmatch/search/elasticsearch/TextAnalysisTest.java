package io.hybridmatch.search.elasticsearch;

import static io.hybridmatch.search.elasticsearch.SearchIndex.CANDIDATES;
import static io.hybridmatch.search.elasticsearch.SearchIndex.JOB_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    @Test
    void clientModeQueryTextIsStemmedLikeTheDocuments() {
        TextAnalysis analysis = new TextAnalysis(CANDIDATES, TextAnalysisMode.CLIENT);

        assertThat(analysis.queryText("headline", TextLanguage.FRENCH, "Développeurs de l'équipe"))
                .isEqualTo("developeu equip");
        assertThat(analysis.queryText("summary", TextLanguage.ENGLISH, "managing the developers"))
                .isEqualTo("manag develop");
    }

    @Test
    void serverModeSendsQueryTextUnchanged() {
        TextAnalysis analysis = new TextAnalysis(JOB_OFFERS, TextAnalysisMode.SERVER);

        assertThat(analysis.queryText("title", TextLanguage.FRENCH, "Développeurs")).isEqualTo("Développeurs");
    }

    @Test
    void matchTargetsTheLanguageSibling() {
        TextAnalysis analysis = new TextAnalysis(JOB_OFFERS, TextAnalysisMode.CLIENT);

        assertThat(analysis.match("title", TextLanguage.ENGLISH, "developers").match().field()).isEqualTo("title_en");
    }

    @Test
    void rejectsFieldsThatAreNotTextFields() {
        TextAnalysis analysis = new TextAnalysis(JOB_OFFERS, TextAnalysisMode.CLIENT);

        assertThatThrownBy(() -> analysis.queryText("company", TextLanguage.FRENCH, "Acme"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
