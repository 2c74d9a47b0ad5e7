package io.hybridmatch.worker.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.celery.worker.CeleryTaskSet;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.monitoring.MeteredElasticsearchTimings;
import io.hybridmatch.monitoring.MeteredTextEmbedder;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.worker.tasks.IndexingTaskHandlers;
import io.hybridmatch.worker.tasks.InfrastructureRetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The indexing tasks, always registered: a worker without {@code hybridmatch.elasticsearch.url} refuses to start
 * ({@link IndexingProperties}) rather than consume a queue whose tasks it would not know. Elasticsearch directly,
 * vectors through the engine ({@code hybridmatch.engine.url}), which owns the FAISS files, or straight into Elasticsearch with
 * {@code hybridmatch.vector-store: elasticsearch} ({@link WorkerVectorStores}), so workers stay stateless and scale
 * as competing consumers. Elasticsearch credentials: {@code hybridmatch.elasticsearch.username}/{@code password} or
 * {@code api-key} (env ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD, ELASTICSEARCH_API_KEY). The embedding model
 * is configured as in the engine ({@code hybridmatch.embeddings.*}, the same record): both sides must use one model.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({InfrastructureRetry.class, IndexingProperties.class})
class IndexingConfiguration {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(IndexingProperties properties) {
        return properties.elasticsearch().connect();
    }

    /**
     * {@code hybridmatch.embeddings.*}, the engine's record (both sides must use one model), loaded once the
     * consumers are up ({@link #loadOnceConsuming}) or at the first task needing it. Unless
     * {@code intra-op-threads} is set, the batches running at once share the cores: each ONNX run gets its part of
     * them (with two batches on 2 cores one thread each, which also spares the hand-offs between a run's threads:
     * 2.3-2.7 CPU-ms per task less than two threads each, root README "Indexing at the model's speed").
     */
    @Bean(destroyMethod = "") // closed through workerEmbedder
    BackgroundLoadedEmbedder model(IndexingProperties properties) {
        SentenceModelOptions model = properties.embeddings().modelOptions();
        if (properties.embeddings().intraOpThreads() == null) {
            model = model.withIntraOpThreads(Math.max(1, SentenceModelOptions.defaultIntraOpThreads()
                    / properties.indexing().batching().parallelBatches()));
        }
        SentenceModelOptions options = model;
        return new BackgroundLoadedEmbedder(options.modelId(), () -> new OnnxSentenceEmbedder(options));
    }

    /** The model and the document indexer are loaded in the background once the consumers are up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> loadOnceConsuming(BackgroundLoadedEmbedder model,
                                                                 BackgroundLoad<DocumentIndexer> documentIndexer) {
        return ready -> {
            model.startLoading();
            documentIndexer.start();
        };
    }

    @Bean
    @Primary
    TextEmbedder workerEmbedder(BackgroundLoadedEmbedder model, MeterRegistry registry,
                                IndexingProperties properties) {
        return new CachingTextEmbedder(new MeteredTextEmbedder(model, registry), properties.embeddings().cacheSize());
    }

    /** Through the engine, or into Elasticsearch when {@code hybridmatch.vector-store} is {@code elasticsearch}. */
    @Bean(destroyMethod = "close")
    VectorStoreRegistry vectorStores(IndexingProperties properties, TextEmbedder workerEmbedder,
                                     ElasticsearchClient es) {
        return WorkerVectorStores.open(properties, Arrays.stream(SearchIndex.values()).map(SearchIndex::alias).toList(),
                workerEmbedder::dimension, es);
    }

    /**
     * Not needed before the first task: its index checks (about twenty Elasticsearch requests, index templates
     * rewritten) and the taxonomy behind the normaliser (a quarter of the start-up's CPU) are done once consuming
     * ({@link #loadOnceConsuming}) or by the first task, which waits for them; Elasticsearch down meanwhile makes
     * tasks retry, like a model that cannot load.
     */
    @Bean
    BackgroundLoad<DocumentIndexer> documentIndexer(ElasticsearchClient es, TextEmbedder workerEmbedder,
                                                    VectorStoreRegistry vectors, MeterRegistry registry) {
        return new BackgroundLoad<>("document indexer", () -> new DocumentIndexer(es, SearchIndexes.ensure(es),
                workerEmbedder, vectors, NearestSkillByEmbedding.normalizer(workerEmbedder), Clock.systemUTC(),
                MeteredElasticsearchTimings.of(registry)));
    }

    /** The documents of the single-document tasks in flight are indexed together ({@link IndexingProperties.Batching}). */
    @Bean
    CeleryTaskSet indexingTasks(BackgroundLoad<DocumentIndexer> indexer, InfrastructureRetry retry,
                                MeterRegistry registry, IndexingProperties properties) {
        IndexingProperties.Batching batching = properties.indexing().batching();
        return new IndexingTaskHandlers(indexer, retry, Clock.systemUTC(), registry, batching.maxItems(),
                batching.linger(), batching.parallelBatches())::all;
    }
}
