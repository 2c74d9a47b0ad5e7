package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    /**
     * The configured cluster, used as is: the engine never starts Elasticsearch (bin/run and tests do). A secured
     * cluster's credentials: hybridmatch.elasticsearch.username + password, or api-key ({@code ElasticsearchSettings}).
     */
    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(HybridmatchProperties properties) {
        return properties.elasticsearch().connect();
    }

    /** The candidates and job_offers indexes exist (templates, versioned indexes, aliases) once this bean does. */
    @Bean
    @DependsOn("backupRestore") // a backup restored at start-up is in place before the indexes are ensured
    SearchIndexes searchIndexes(ElasticsearchClient client) {
        try {
            return SearchIndexes.ensure(client);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Elasticsearch indexes", e);
        }
    }
}
