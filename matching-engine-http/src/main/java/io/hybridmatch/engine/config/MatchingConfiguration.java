package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hybrid matcher, with the deployment's category weights ({@code hybridmatch.matching.weights.*}). */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    HybridMatcher hybridMatcher(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder,
                                VectorStoreRegistry vectors, HybridmatchProperties properties) {
        Map<String, Double> weights = properties.matching() == null || properties.matching().weights() == null
                ? Map.of() : properties.matching().weights();
        // inline documents are normalised as the indexer normalises stored ones
        return new HybridMatcher(es, indexes, embedder, vectors, NearestSkillByEmbedding.normalizer(embedder), weights);
    }
}
