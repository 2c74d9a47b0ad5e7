package io.hybridmatch.worker.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.monitoring.ElasticsearchTimers;
import io.hybridmatch.monitoring.MeteredTextEmbedder;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.ElasticsearchCredentials;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.http.HttpVectorStores;
import io.hybridmatch.celery.worker.CeleryTaskSet;
import io.hybridmatch.worker.tasks.IndexingTaskHandlers;
import io.hybridmatch.worker.tasks.InfrastructureRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The indexing tasks, when {@code hybridmatch.elasticsearch.url} is set: Elasticsearch directly, vectors through
 * the engine ({@code hybridmatch.engine.url}), which owns the FAISS files, so workers stay stateless and scale as
 * competing consumers. Elasticsearch credentials: {@code hybridmatch.elasticsearch.username}/{@code password} or
 * {@code api-key} (env ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD, ELASTICSEARCH_API_KEY). The embedding model is the engine's default (all-MiniLM-L6-v2): both sides must use one model.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hybridmatch.elasticsearch", name = "url")
@EnableConfigurationProperties(InfrastructureRetry.class)
class IndexingConfiguration {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(org.springframework.core.env.Environment env) {
        return ElasticsearchClients.create(URI.create(env.getRequiredProperty("hybridmatch.elasticsearch.url")),
                ElasticsearchCredentials.fromProperties(env::getProperty),
                env.getProperty("hybridmatch.elasticsearch.timeout", Duration.class, ElasticsearchClients.DEFAULT_TIMEOUT));
    }

    @Bean(destroyMethod = "close")
    TextEmbedder workerEmbedder(MeterRegistry registry) {
        return new CachingTextEmbedder(new MeteredTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), registry), 10_000);
    }

    @Bean(destroyMethod = "close")
    VectorStoreRegistry engineVectorStores(org.springframework.core.env.Environment env) {
        URI engine = URI.create(env.getProperty("hybridmatch.engine.url", "http://127.0.0.1:8080"));
        return HttpVectorStores.connect(engine, Arrays.stream(SearchIndex.values()).map(SearchIndex::alias).toList(),
                EngineApiKey.from(env));
    }

    @Bean
    DocumentIndexer documentIndexer(ElasticsearchClient es, TextEmbedder workerEmbedder, VectorStoreRegistry vectors,
                                    MeterRegistry registry) throws IOException {
        return new DocumentIndexer(es, SearchIndexes.ensure(es), workerEmbedder, vectors, DocumentNormalizer.bundled(),
                Clock.systemUTC(), ElasticsearchTimers.of(registry));
    }

    @Bean
    CeleryTaskSet indexingTasks(DocumentIndexer indexer, InfrastructureRetry retry, MeterRegistry registry) {
        return new IndexingTaskHandlers(indexer, retry, Clock.systemUTC(), registry)::all;
    }
}
