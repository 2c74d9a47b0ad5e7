package io.hybridmatch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.celery.worker.CeleryTestClient;
import io.hybridmatch.celery.worker.WorkerTestProperties;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code hybridmatch.vector-store: elasticsearch} the worker writes vectors straight into the
 * {@code vectors-candidates} index the engines read: no engine runs here (its URL names a port nobody listens on),
 * and yet a candidate sent through RabbitMQ ends in Elasticsearch with the vector of its newest version, an older
 * update is {@code stale}, and a delete removes both.
 */
@SpringBootTest(classes = WorkerApplication.class, properties = WorkerApplication.CONFIG_NAME)
class ElasticsearchVectorsIndexingIT {

    static final String QUEUE = WorkerTestProperties.newQueue();
    static final String BACKEND = "redis://127.0.0.1:6379/0";
    static final long ID = 80_000 + (System.nanoTime() % 10_000);

    @Autowired
    ElasticsearchClient es;
    @Autowired
    TextEmbedder embedder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkerTestProperties.register(registry, QUEUE, BACKEND);
        registry.add("hybridmatch.elasticsearch.url", () -> TestElasticsearch.url().toString());
        registry.add("hybridmatch.vector-store", () -> "elasticsearch");
        registry.add("hybridmatch.engine.url", () -> "http://127.0.0.1:" + closedPort());
    }

    @Test
    void vectorsGoStraightToElasticsearchWithoutAnEngine() throws Exception {
        try (CeleryTestClient django = new CeleryTestClient(5672, BACKEND, QUEUE)) {
            String newer = django.send("hybridmatch.index_candidate", List.of(candidate("Pastry chef", "2026-03-01T10:00:00Z")));
            assertThat(status(django, newer)).isEqualTo("indexed");
            // sent after the newer one was indexed (sent together, the worker may well index the older one first)
            String older = django.send("hybridmatch.index_candidate", List.of(candidate("Java developer", "2026-02-01T10:00:00Z")));
            assertThat(status(django, older)).isEqualTo("stale");

            VectorStore vectors = ElasticsearchVectorStore.open(es,
                    ElasticsearchVectorIndexSpec.of("candidates", embedder.dimension(), Metric.INNER_PRODUCT));
            Map<String, Object> stored = document();
            assertThat(stored).containsEntry("headline", "Pastry chef");
            float[] expected = embedder.embed(DocumentIndexer.embeddingText(SearchIndex.CANDIDATES, ID, stored));
            assertThat(vectors.vector(ID)).as("the vector of the newest version").hasValueSatisfying(
                    vector -> assertThat(vector).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f)));

            assertThat(status(django, django.send("hybridmatch.delete_candidate", List.of(ID)))).isEqualTo("deleted");
            assertThat(document()).isNull();
            assertThat(vectors.contains(ID)).isFalse();
        }
    }

    private static String status(CeleryTestClient django, String task) throws InterruptedException {
        JsonNode result = django.awaitFinal(List.of(task), Duration.ofMinutes(2)).get(task);
        assertThat(result).as("result of " + task).isNotNull();
        return result.at("/result/status").asString();
    }

    private static Map<String, Object> candidate(String headline, String updatedAt) {
        return Map.of("candidate_id", ID, "headline", headline, "summary", "Ten years in the trade.",
                "skills", List.of("Teamwork"), "location", "Paris", "updated_at", updatedAt);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> document() throws IOException {
        var response = es.get(g -> g.index("candidates").id(Long.toString(ID)), Map.class);
        return response.found() ? response.source() : null;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
