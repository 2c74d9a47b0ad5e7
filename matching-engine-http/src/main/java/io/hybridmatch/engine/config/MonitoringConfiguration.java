package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.engine.feedback.FeedbackStore;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.ElasticsearchTimings;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.indexing.consistency.DocumentScan;
import io.hybridmatch.indexing.consistency.IndexConsistency;
import io.hybridmatch.monitoring.EmbeddingDriftMonitor;
import io.hybridmatch.monitoring.MeteredElasticsearchTimings;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** Drift, feedback, consistency, and the document-count gauges of both stores. */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    EmbeddingDriftMonitor embeddingDriftMonitor(MeterRegistry registry, HybridmatchProperties properties) {
        HybridmatchProperties.Monitoring m = properties.monitoring();
        return new EmbeddingDriftMonitor(registry, m.driftBaselineSize(), m.driftWindowSize(),
                properties.dataDir().resolve("drift-baseline.json"));
    }

    @Bean
    @DependsOn("backupRestore") // a backup restored at start-up is in place before the index is ensured
    FeedbackStore feedbackStore(ElasticsearchClient es, MeterRegistry registry) {
        return new FeedbackStore(es, registry);
    }

    @Bean
    ElasticsearchTimings elasticsearchTimings(MeterRegistry registry) {
        return MeteredElasticsearchTimings.of(registry);
    }

    @Bean
    DocumentIndexer documentIndexer(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder,
                                    VectorStoreRegistry vectors, ElasticsearchTimings timings) {
        return new DocumentIndexer(es, indexes, embedder, vectors, NearestSkillByEmbedding.normalizer(embedder),
                Clock.systemUTC(), timings);
    }

    @Bean
    IndexConsistency indexConsistency(ElasticsearchClient es, DocumentIndexer indexer) {
        return new IndexConsistency(es, indexer);
    }

    @Bean
    DocumentScan documentScan(ElasticsearchClient es) {
        return new DocumentScan(es);
    }

    /** {@code hybridmatch_index_documents{index,store}}: Elasticsearch and vector counts side by side. */
    @Bean
    MeterBinder documentCounts(ElasticsearchClient es, VectorStoreRegistry vectors) {
        return registry -> {
            for (SearchIndex index : SearchIndex.values()) {
                Gauge.builder("hybridmatch.index.documents", () -> count(es, index)).tag("index", index.alias())
                        .tag("store", "elasticsearch").register(registry);
                vectors.find(index.alias()).ifPresent(store -> Gauge.builder("hybridmatch.index.documents", store::size)
                        .tag("index", index.alias()).tag("store", "vectors").register(registry));
            }
        };
    }

    private static double count(ElasticsearchClient es, SearchIndex index) {
        try {
            return es.count(c -> c.index(index.alias())).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
