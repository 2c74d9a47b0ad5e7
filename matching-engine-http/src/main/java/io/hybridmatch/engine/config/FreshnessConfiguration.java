package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.monitoring.IndexFreshness;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Index freshness gauges ({@code hybridmatch_index_freshness_*}) of both indexes, read from the documents so that the
 * workers' indexing counts too.
 */
@Configuration(proxyBeanMethods = false)
class FreshnessConfiguration {

    @Bean
    IndexFreshness indexFreshness(ElasticsearchClient es, HybridmatchProperties properties) {
        return new IndexFreshness(es, Arrays.stream(SearchIndex.values()).map(SearchIndex::alias).toList(),
                properties.monitoring().freshnessWindow(), Clock.systemUTC());
    }
}
