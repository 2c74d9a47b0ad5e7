package io.hybridmatch.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.taxonomy.Label;
import org.junit.jupiter.api.Test;

class NearestLabelCheckTest {

    @Test
    void aFrenchLabelIsTakenOnlyWhenOneSideHoldsTheOthersWords() {
        assertThat(NearestLabelCheck.trusted("gestion de tournée", new Label("fr", "gestion de trésorerie", false))).isFalse();
        assertThat(NearestLabelCheck.trusted("traçage", new Label("fr", "traduction", false))).isFalse();
        assertThat(NearestLabelCheck.trusted("cuisine traditionnelle", new Label("fr", "cuisine", false))).isTrue();
        assertThat(NearestLabelCheck.trusted("fidélisation", new Label("fr", "fidélisation client", false))).isTrue();
    }

    @Test
    void anEnglishLabelKeepsTheSimilarityAlone() {
        assertThat(NearestLabelCheck.trusted("customer care", new Label("en", "customer service", false))).isTrue();
        assertThat(NearestLabelCheck.trusted("cuisine française", new Label("en", "French cooking", false))).isTrue();
    }

    @Test
    void anAbbreviationNoLabelNamesIsNotGuessed() {
        assertThat(NearestLabelCheck.trusted("GMAW", new Label("", "gmao", false))).isFalse();
        assertThat(NearestLabelCheck.trusted("C+E", new Label("", "c++", false))).isFalse();
        assertThat(NearestLabelCheck.trusted("HTML/CSS", new Label("", "css", false))).as("two words").isTrue();
        assertThat(NearestLabelCheck.trusted("Kubernets", new Label("", "kubernetes", false))).isTrue();
    }
}
