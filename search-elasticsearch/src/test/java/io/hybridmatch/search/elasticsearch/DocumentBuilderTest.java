package io.hybridmatch.search.elasticsearch;

import static io.hybridmatch.search.elasticsearch.SearchIndex.CANDIDATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentBuilderTest {

    private static final Map<String, Object> CANDIDATE = Map.of(
            "candidate_id", 42,
            "headline", "Développeuse Java confirmée",
            "skills", List.of("java", "spring"),
            "email", "not-in-the-schema@example.org");

    @Test
    void clientModeAddsLuceneTermsForEachLanguage() {
        IndexedDocument document = builder(TextAnalysisMode.CLIENT).build(CANDIDATE);

        assertThat(document.id()).isEqualTo("42");
        assertThat(document.source())
                .containsEntry("headline", "Développeuse Java confirmée")
                .containsEntry("headline_fr", "developeu java confirm")
                .containsEntry("skills", List.of("java", "spring"))
                .containsKey("headline_en")
                .doesNotContainKeys("candidate_id", "email");
    }

    @Test
    void serverModeLeavesTheLanguageSiblingsToTheMapping() {
        IndexedDocument document = builder(TextAnalysisMode.SERVER).build(CANDIDATE);

        assertThat(document.source()).containsOnlyKeys("headline", "skills");
    }

    @Test
    void rejectsARecordWithoutItsId() {
        assertThatThrownBy(() -> builder(TextAnalysisMode.CLIENT).build(Map.of("headline", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidate_id");
    }

    private static DocumentBuilder builder(TextAnalysisMode mode) {
        return new DocumentBuilder(CANDIDATES, new TextAnalysis(CANDIDATES, mode));
    }
}
