package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.ElasticsearchCredentials;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    /**
     * The configured cluster, used as is: the engine never starts Elasticsearch (bin/run and tests do). A secured
     * cluster's credentials: hybridmatch.elasticsearch.username + password, or api-key (application.yml).
     */
    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(HybridmatchProperties properties, Environment env) {
        return ElasticsearchClients.create(URI.create(properties.elasticsearch().url().strip()),
                ElasticsearchCredentials.fromProperties(env::getProperty));
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
