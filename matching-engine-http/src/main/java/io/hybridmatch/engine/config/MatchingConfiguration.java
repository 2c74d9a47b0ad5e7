package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.RankingModel;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ranking model ({@code hybridmatch.matching.model}, else the bundled one), the defaults of match requests it
 * gives with the deployment's weight overrides, and the hybrid matcher ({@code hybridmatch.matching.prefetch}).
 */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MatchingConfiguration.class);

    @Bean
    MatchDefaults matchDefaults(HybridmatchProperties properties) {
        HybridmatchProperties.Matching matching = properties.matching();
        RankingModel model = matching == null || matching.model() == null ? RankingModel.bundled() : RankingModel.load(matching.model());
        for (MatchDirection direction : MatchDirection.values()) {
            RankingModel.Setting s = model.setting(direction);
            LOG.info("ranking model {}, {}: fusion {} (rrf_k {}, vector_weight {}), weights {}", model.version(), direction,
                    s.fusion(), s.rrfK(), s.vectorWeight(), s.categoryWeights());
        }
        if (!model.unweighted().isEmpty()) {
            LOG.warn("ranking model {} does not weigh {}: weight 0 until the model is retrained (eval/train)",
                    model.version(), model.unweighted());
        }
        return new MatchDefaults(model, matching == null || matching.weights() == null ? Map.of() : matching.weights());
    }

    @Bean
    HybridMatcher hybridMatcher(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder,
                                VectorStoreRegistry vectors, MatchDefaults defaults, HybridmatchProperties properties) {
        // inline documents are normalised as the indexer normalises stored ones
        return new HybridMatcher(es, indexes, embedder, vectors, NearestSkillByEmbedding.normalizer(embedder),
                defaults.model(), defaults.overrides(), properties.matching() == null || properties.matching().prefetch());
    }
}
