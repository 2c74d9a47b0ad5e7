package io.hybridmatch.vector.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchExtension;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreContract;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vector-store contract on a real Elasticsearch node (the local integ-test distribution, or ELASTICSEARCH_URL),
 * int8-quantised HNSW as the engine configures it. Each test works in indexes of its own, deleted afterwards.
 */
@ExtendWith(LocalElasticsearchExtension.class)
class ElasticsearchVectorStoreContractIT extends VectorStoreContract {

    private static ElasticsearchClient client;
    private final String prefix = "test-vectors-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeAll
    static void connect(URI elasticsearch) {
        client = ElasticsearchClients.create(elasticsearch);
    }

    @AfterAll
    static void disconnect() throws IOException {
        client.close();
    }

    @AfterEach
    void deleteIndexes() throws IOException {
        // deletes must name their indexes (action.destructive_requires_name)
        List<String> indexes = List.copyOf(client.indices().get(g -> g.index(prefix + "*")).result().keySet());
        if (!indexes.isEmpty()) {
            client.indices().delete(d -> d.index(indexes));
        }
    }

    private ElasticsearchVectorIndexSpec spec(String name, Metric metric) {
        return ElasticsearchVectorIndexSpec.of(name, D, metric).inIndex(prefix + name.toLowerCase(Locale.ROOT));
    }

    @Override
    protected VectorStore open(String name, Metric metric) {
        return ElasticsearchVectorStore.open(client, spec(name, metric));
    }

    @Override
    protected VectorStore restore(Path backup, String name, Metric metric) {
        ElasticsearchVectorStore store = ElasticsearchVectorStore.open(client, spec(name, metric));
        ElasticsearchVectorStore.restore(backup, store);
        return store;
    }
}
