package io.hybridmatch.worker.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.vector.VectorIndexSettings;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorStores;
import io.hybridmatch.vector.http.HttpVectorStores;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Where the worker writes vectors, following the engine's {@code hybridmatch.vector-store}: with {@code faiss} (the
 * default) through the engine's {@code /faiss} API, since one engine process owns the FAISS files; with
 * {@code elasticsearch} straight into the {@code vectors-<entity>} indexes the engines read, so indexing needs no
 * engine up and saves a hop. The Elasticsearch indexes are described by the same
 * {@code hybridmatch.vector-indexes.<entity>.*} properties (the same record) as in the engine: whichever process
 * opens an index first creates it, and an existing index of another dimension or metric is refused.
 */
final class WorkerVectorStores {

    private WorkerVectorStores() {
    }

    /** The dimension is asked for only when the Elasticsearch indexes need it (it loads the model). */
    static VectorStoreRegistry open(IndexingProperties properties, List<String> entities, IntSupplier dimension,
                                    ElasticsearchClient es) {
        return switch (properties.vectorStore()) {
            case ELASTICSEARCH -> {
                int dims = dimension.getAsInt();
                yield ElasticsearchVectorStores.open(es, VectorIndexSettings.forEntities(properties.vectorIndexes(),
                        entities).entrySet().stream()
                        .map(e -> ElasticsearchVectorIndexSpec.of(e.getKey(), dims, e.getValue())).toList());
            }
            case FAISS -> HttpVectorStores.connect(properties.engine().url(), entities,
                    EngineApiKey.from(properties.engine()));
        };
    }
}
