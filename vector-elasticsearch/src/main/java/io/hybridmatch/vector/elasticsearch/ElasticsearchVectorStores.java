package io.hybridmatch.vector.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opens one {@link ElasticsearchVectorStore} per entity on a client the caller keeps (and closes). */
public final class ElasticsearchVectorStores {

    private ElasticsearchVectorStores() {
    }

    public static VectorStoreRegistry open(ElasticsearchClient client, List<ElasticsearchVectorIndexSpec> specs) {
        Map<String, VectorStore> stores = new LinkedHashMap<>();
        for (ElasticsearchVectorIndexSpec spec : specs) {
            if (stores.containsKey(spec.name())) {
                throw new IllegalArgumentException("two vector indexes are named '" + spec.name() + "'");
            }
            stores.put(spec.name(), ElasticsearchVectorStore.open(client, spec));
        }
        return VectorStoreRegistry.of(stores);
    }
}
