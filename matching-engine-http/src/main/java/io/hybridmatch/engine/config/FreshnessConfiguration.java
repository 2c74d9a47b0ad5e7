package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.monitoring.IndexFreshness;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Index freshness gauges ({@code hybridmatch_index_freshness_*}) of both indexes, read from the documents so that the
 * workers' indexing counts too.
 */
@Configuration(proxyBeanMethods = false)
class FreshnessConfiguration {

    @Bean
    IndexFreshness indexFreshness(ElasticsearchClient es,
                                  @Value("${hybridmatch.monitoring.freshness-window:15m}") Duration window) {
        return new IndexFreshness(es, Arrays.stream(SearchIndex.values()).map(SearchIndex::alias).toList(), window,
                Clock.systemUTC());
    }
}
