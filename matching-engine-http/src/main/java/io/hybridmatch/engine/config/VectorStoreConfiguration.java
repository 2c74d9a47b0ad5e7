package io.hybridmatch.engine.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.monitoring.EmbeddingDriftMonitor;
import io.hybridmatch.monitoring.MeteredVectorStore;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorIndexSettings;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorStores;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * One vector store per entity (candidates, job_offers; {@code hybridmatch.vector-indexes.<entity>} tunes it), its dimension taken from the embedding model, on the backend that
 * {@code hybridmatch.vector-store} names: FAISS under {@code data-dir/vectors}, or Elasticsearch {@code dense_vector}
 * indexes on the engine's cluster. The HTTP layer only sees {@link VectorStoreRegistry}.
 */
@Configuration(proxyBeanMethods = false)
class VectorStoreConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOn("backupRestore") // a backup restored at start-up is in place before the stores open
    VectorStoreRegistry vectorStores(HybridmatchProperties properties, TextEmbedder embedder, ElasticsearchClient es,
                                     MeterRegistry registry, EmbeddingDriftMonitor drift) {
        Map<String, VectorIndexSettings> indexes = VectorIndexSettings.forEntities(properties.vectorIndexes(),
                Arrays.stream(SearchIndex.values()).map(SearchIndex::alias).toList());
        VectorStoreRegistry stores = switch (properties.vectorStore()) {
            case FAISS -> FaissVectorStores.open(properties.dataDir().resolve("vectors"), indexes.entrySet().stream()
                    .map(e -> new FaissIndexSpec(e.getKey(), embedder.dimension(), e.getValue().metric(),
                            e.getValue().factory(), e.getValue().efSearch(), e.getValue().nprobe()))
                    .toList());
            case ELASTICSEARCH -> ElasticsearchVectorStores.open(es, indexes.entrySet().stream()
                    .map(e -> ElasticsearchVectorIndexSpec.of(e.getKey(), embedder.dimension(), e.getValue()))
                    .toList());
        };
        Map<String, VectorStore> metered = new LinkedHashMap<>();
        for (String name : stores.names()) {
            VectorStore store = stores.find(name).orElseThrow();
            if (store instanceof FaissVectorStore f) {
                Gauge.builder("hybridmatch.vector.tombstones", f, s -> s.stats().tombstones()).tag("index", name)
                        .description("replaced or deleted vectors awaiting compaction").register(registry);
            }
            metered.put(name, new MeteredVectorStore(store, registry, drift));
        }
        return VectorStoreRegistry.of(metered);
    }
}
