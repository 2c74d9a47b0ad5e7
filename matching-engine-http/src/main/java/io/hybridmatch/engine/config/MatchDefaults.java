package io.hybridmatch.engine.config;

import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.RankingModel;
import java.util.Map;

/**
 * What a match request does not say: the ranking model's fusion for its direction. Its category weights, the
 * deployment's per-category overrides ({@code hybridmatch.matching.weights.*}) on top and the request's own on top
 * of both are merged in one place, {@link io.hybridmatch.matching.HybridMatcher}, which gets the model and overrides.
 */
public record MatchDefaults(RankingModel model, Map<String, Double> overrides) {

    public RankingModel.Setting setting(MatchDirection direction) {
        return model.setting(direction);
    }
}
