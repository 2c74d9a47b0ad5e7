package io.hybridmatch.engine.config;

import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.engine.monitoring.EmbeddingDriftMonitor;
import io.hybridmatch.engine.monitoring.MeteredVectorStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * One FAISS store per configured entity under {@code data-dir/vectors}, its dimension taken from the embedding
 * model. The HTTP layer only sees {@link VectorStoreRegistry}: a distributed backend (Elasticsearch
 * {@code dense_vector} kNN) would be another bean here.
 */
@Configuration(proxyBeanMethods = false)
class VectorStoreConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOn("backupRestore") // a backup restored at start-up is in place before the stores open
    VectorStoreRegistry vectorStores(HybridmatchProperties properties, TextEmbedder embedder, MeterRegistry registry,
                                     EmbeddingDriftMonitor drift) {
        Map<String, HybridmatchProperties.VectorIndex> indexes = properties.vectorIndexes();
        if (indexes == null || indexes.isEmpty()) {
            throw new IllegalStateException("hybridmatch.vector-indexes names no index");
        }
        List<FaissIndexSpec> specs = indexes.entrySet().stream()
                .map(e -> new FaissIndexSpec(e.getKey(), embedder.dimension(), e.getValue().metric(),
                        e.getValue().factory(), e.getValue().efSearch(), e.getValue().nprobe()))
                .toList();
        VectorStoreRegistry faiss = FaissVectorStores.open(properties.dataDir().resolve("vectors"), specs);
        Map<String, VectorStore> metered = new LinkedHashMap<>();
        for (String name : faiss.names()) {
            VectorStore store = faiss.find(name).orElseThrow();
            if (store instanceof FaissVectorStore f) {
                Gauge.builder("hybridmatch.vector.tombstones", f, s -> s.stats().tombstones()).tag("index", name)
                        .description("replaced or deleted vectors awaiting compaction").register(registry);
            }
            metered.put(name, new MeteredVectorStore(store, registry, drift));
        }
        return VectorStoreRegistry.of(metered);
    }
}
