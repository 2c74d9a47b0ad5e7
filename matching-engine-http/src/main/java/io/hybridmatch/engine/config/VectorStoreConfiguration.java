package io.hybridmatch.engine.config;

import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One FAISS store per configured entity under {@code data-dir/vectors}, its dimension taken from the embedding
 * model. The HTTP layer only sees {@link VectorStoreRegistry}: a distributed backend (Elasticsearch
 * {@code dense_vector} kNN) would be another bean here.
 */
@Configuration(proxyBeanMethods = false)
class VectorStoreConfiguration {

    @Bean(destroyMethod = "close")
    VectorStoreRegistry vectorStores(HybridmatchProperties properties, TextEmbedder embedder) {
        Map<String, HybridmatchProperties.VectorIndex> indexes = properties.vectorIndexes();
        if (indexes == null || indexes.isEmpty()) {
            throw new IllegalStateException("hybridmatch.vector-indexes names no index");
        }
        List<FaissIndexSpec> specs = indexes.entrySet().stream()
                .map(e -> new FaissIndexSpec(e.getKey(), embedder.dimension(), e.getValue().metric(),
                        e.getValue().factory(), e.getValue().efSearch(), e.getValue().nprobe()))
                .toList();
        return FaissVectorStores.open(properties.dataDir().resolve("vectors"), specs);
    }
}
