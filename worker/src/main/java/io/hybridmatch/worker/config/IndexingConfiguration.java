package io.hybridmatch.worker.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.monitoring.MeteredElasticsearchTimings;
import io.hybridmatch.monitoring.MeteredTextEmbedder;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.ElasticsearchCredentials;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStoreRegistry;
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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The indexing tasks, when {@code hybridmatch.elasticsearch.url} is set: Elasticsearch directly, vectors through
 * the engine ({@code hybridmatch.engine.url}), which owns the FAISS files, or straight into Elasticsearch with
 * {@code hybridmatch.vector-store: elasticsearch} ({@link WorkerVectorStores}), so workers stay stateless and scale
 * as competing consumers. Elasticsearch credentials: {@code hybridmatch.elasticsearch.username}/{@code password} or
 * {@code api-key} (env ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD, ELASTICSEARCH_API_KEY). The embedding model is the engine's default (all-MiniLM-L6-v2): both sides must use one model.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hybridmatch.elasticsearch", name = "url")
@EnableConfigurationProperties(InfrastructureRetry.class)
class IndexingConfiguration {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(Environment env) {
        return ElasticsearchClients.create(URI.create(env.getRequiredProperty("hybridmatch.elasticsearch.url")),
                ElasticsearchCredentials.fromProperties(env::getProperty),
                env.getProperty("hybridmatch.elasticsearch.timeout", Duration.class, ElasticsearchClients.DEFAULT_TIMEOUT));
    }

    /**
     * {@code hybridmatch.embeddings.model-id} picks a bundled model (the engine must use the same one), loaded once
     * the consumers are up ({@link #loadModelOnceConsuming}) or at the first task needing it.
     */
    @Bean(destroyMethod = "") // closed through workerEmbedder
    BackgroundLoadedEmbedder model(Environment env) {
        SentenceModelOptions model = SentenceModelOptions.bundled(env.getProperty("hybridmatch.embeddings.model-id",
                "all-minilm-l6-v2"));
        return new BackgroundLoadedEmbedder(model.modelId(), () -> new OnnxSentenceEmbedder(model));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> loadModelOnceConsuming(BackgroundLoadedEmbedder model) {
        return ready -> model.startLoading();
    }

    @Bean
    @Primary
    TextEmbedder workerEmbedder(BackgroundLoadedEmbedder model, MeterRegistry registry) {
        return new CachingTextEmbedder(new MeteredTextEmbedder(model, registry), 10_000);
    }

    /** Through the engine, or into Elasticsearch when {@code hybridmatch.vector-store} is {@code elasticsearch}. */
    @Bean(destroyMethod = "close")
    VectorStoreRegistry vectorStores(Environment env, TextEmbedder workerEmbedder, ElasticsearchClient es) {
        return WorkerVectorStores.open(env, Arrays.stream(SearchIndex.values()).map(SearchIndex::alias).toList(),
                workerEmbedder::dimension, es);
    }

    @Bean
    DocumentIndexer documentIndexer(ElasticsearchClient es, TextEmbedder workerEmbedder, VectorStoreRegistry vectors,
                                    MeterRegistry registry) throws IOException {
        return new DocumentIndexer(es, SearchIndexes.ensure(es), workerEmbedder, vectors,
                NearestSkillByEmbedding.normalizer(workerEmbedder),
                Clock.systemUTC(), MeteredElasticsearchTimings.of(registry));
    }

    /**
     * The documents of the single-document tasks in flight are indexed together: up to
     * {@code hybridmatch.indexing.batching.max-items}, the first waiting at most {@code linger} for others.
     */
    @Bean
    CeleryTaskSet indexingTasks(DocumentIndexer indexer, InfrastructureRetry retry, MeterRegistry registry,
                                Environment env) {
        return new IndexingTaskHandlers(indexer, retry, Clock.systemUTC(), registry,
                env.getProperty("hybridmatch.indexing.batching.max-items", Integer.class, 64),
                env.getProperty("hybridmatch.indexing.batching.linger", Duration.class, Duration.ofMillis(3)))::all;
    }
}
