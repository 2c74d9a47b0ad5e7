package io.hybridmatch.engine.config;

import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.RankingModel;
import java.util.HashMap;
import java.util.Map;

/**
 * What a match request does not say: the ranking model's fusion and weights for its direction, the deployment's
 * per-category overrides ({@code hybridmatch.matching.weights.*}) on top, the request's own weights on top of both.
 */
public record MatchDefaults(RankingModel model, Map<String, Double> overrides) {

    public RankingModel.Setting setting(MatchDirection direction) {
        return model.setting(direction);
    }

    public Map<String, Double> weights(MatchDirection direction, Map<String, Double> requested) {
        Map<String, Double> weights = new HashMap<>(model.setting(direction).categoryWeights());
        weights.putAll(overrides);
        if (requested != null) {
            weights.putAll(requested);
        }
        return weights;
    }
}
