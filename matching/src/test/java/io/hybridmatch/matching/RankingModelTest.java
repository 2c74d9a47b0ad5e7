package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingModelTest {

    private static final String RRF = "{\"fusion\":{\"method\":\"rrf\"},\"weights\":{\"retrieval\":1}}";

    @TempDir
    Path dir;

    @Test
    void theBundledModelWeighsEveryCategoryThisEngineScoresInBothDirections() {
        RankingModel model = RankingModel.bundled();
        for (MatchDirection direction : MatchDirection.values()) {
            Map<String, Double> weights = model.setting(direction).categoryWeights();
            assertThat(weights.keySet()).containsExactlyElementsOf(RankingModel.categories());
            assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
        }
        assertThat(model.unweighted()).isEmpty();
    }

    @Test
    void aCriterionTheModelDoesNotNameGetsWeightZeroAndIsReported() {
        RankingModel model = read("{\"format\":1,\"version\":\"v1\",\"candidates_for_offer\":{\"fusion\":{\"method\":\"convex\","
                + "\"vector_weight\":0.7},\"weights\":{\"retrieval\":0.6,\"skills\":0.4}},\"offers_for_candidate\":" + RRF + "}");
        RankingModel.Setting forOffers = model.setting(MatchDirection.CANDIDATES_FOR_OFFER);
        assertThat(forOffers.fusion()).isEqualTo(FusionMethod.CONVEX);
        assertThat(forOffers.vectorWeight()).isEqualTo(0.7);
        assertThat(forOffers.categoryWeights()).containsEntry("skills", 0.4).containsEntry("location", 0.0);
        assertThat(model.setting(MatchDirection.OFFERS_FOR_CANDIDATE).rrfK()).isEqualTo(60);
        assertThat(model.unweighted()).contains("location", "seniority", "skills").doesNotContain("retrieval");
    }

    @Test
    void aCategoryThisEngineDoesNotScoreIsRefusedByName() {
        assertThatThrownBy(() -> read("{\"format\":1,\"version\":\"v2\",\"candidates_for_offer\":" + RRF
                + ",\"offers_for_candidate\":{\"fusion\":{\"method\":\"rrf\"},\"weights\":{\"retrieval\":0.5,\"salary_fit\":0.5}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offers_for_candidate").hasMessageContaining("salary_fit").hasMessageContaining("retrain");
        assertThatThrownBy(() -> read("{\"format\":1,\"candidates_for_offer\":{\"fusion\":{\"method\":\"rrf\"},\"weights\":{\"retrieval\":-1}},"
                + "\"offers_for_candidate\":" + RRF + "}")).hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> read("{\"format\":1,\"candidates_for_offer\":" + RRF + "}")).hasMessageContaining("offers_for_candidate");
        assertThatThrownBy(() -> read("{\"format\":2}")).hasMessageContaining("format 1");
        assertThatThrownBy(() -> read("{\"format\":1,\"candidates_for_offer\":{\"fusion\":{\"method\":\"borda\"},\"weights\":{\"retrieval\":1}},"
                + "\"offers_for_candidate\":" + RRF + "}")).hasMessageContaining("fusion.method");
    }

    @Test
    void aWrittenModelReadsBackTheSame() {
        RankingModel model = new RankingModel("ltr-test", Map.of(
                MatchDirection.CANDIDATES_FOR_OFFER, new RankingModel.Setting(FusionMethod.RRF, 20, 0.5, Map.of("retrieval", 0.3, "skills", 0.7)),
                MatchDirection.OFFERS_FOR_CANDIDATE, new RankingModel.Setting(FusionMethod.ZSCORE, 60, 0.3, Map.of("retrieval", 1.0))),
                Map.of("queries", 12));
        Path file = dir.resolve("model.json");
        model.write(file);
        assertThat(RankingModel.load(file)).isEqualTo(model);
    }

    private static RankingModel read(String json) {
        return RankingModel.read(json.getBytes(StandardCharsets.UTF_8), "test");
    }
}
