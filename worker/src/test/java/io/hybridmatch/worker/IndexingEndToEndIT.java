package io.hybridmatch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.celery.worker.PythonCelery;
import io.hybridmatch.celery.worker.WorkerTestProperties;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The whole indexing path, every part real: a minimal Django 3.2 project saves a Candidate, its post_save signal
 * sends {@code hybridmatch.index_candidate} through Celery 5.2 and RabbitMQ, this Java worker normalises, embeds
 * (MiniLM), indexes into Elasticsearch and upserts the vector into the matching engine's FAISS (the engine runs
 * in this JVM on a free port); deleting the Candidate removes it from both. Results come back through Redis.
 */
@SpringBootTest(classes = WorkerApplication.class, properties = WorkerApplication.CONFIG_NAME)
class IndexingEndToEndIT {

    static final String QUEUE = WorkerTestProperties.newQueue();
    static final String BACKEND = "redis://127.0.0.1:6379/0";
    static final long ID = 90_000 + (System.nanoTime() % 10_000);
    private static final String WORKER_KEY = "worker-e2e-key-" + java.util.UUID.randomUUID();
    private static ConfigurableApplicationContext engine;
    private static Path engineData;
    /** Holds the SQLite file of the Python side's minimal Django project: this run's own, not a fixed path. */
    @TempDir
    static Path django;

    @Autowired
    ElasticsearchClient es;
    @Autowired
    TextEmbedder embedder;
    @Autowired
    VectorStoreRegistry engineVectors;
    @Autowired
    PrometheusMeterRegistry prometheus;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkerTestProperties.register(registry, QUEUE, BACKEND);
        registry.add("hybridmatch.elasticsearch.url", () -> TestElasticsearch.url().toString());
        registry.add("hybridmatch.engine.url", IndexingEndToEndIT::engineUrl);
        registry.add("hybridmatch.engine.api-key-file", () -> TestEngine.keyFile(WORKER_KEY));
    }

    private static synchronized String engineUrl() {
        if (engine == null) {
            try {
                engineData = Files.createTempDirectory("engine-for-worker");
                engine = TestEngine.start(0, engineData, TestElasticsearch.url(), WORKER_KEY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return TestEngine.url(engine).toString();
    }

    @AfterAll
    static void stopEngine() throws IOException {
        if (engine != null) {
            engine.close();
            FileSystemUtils.deleteRecursively(engineData);
        }
    }

    private JsonNode python(String scenario, long id) throws Exception {
        return python(List.of(scenario, Long.toString(id)));
    }

    private static JsonNode python(List<String> args) throws Exception {
        return PythonCelery.script("indexing_client.py", args, Map.of("BACKEND", BACKEND, "QUEUE", QUEUE,
                "DJANGO_DATABASE", django.resolve("interop.sqlite3").toString()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> esDocument(long id) throws IOException {
        var response = es.get(g -> g.index("candidates").id(Long.toString(id)), Map.class);
        return response.found() ? response.source() : null;
    }

    @Test
    void aSavedDjangoCandidateIsFindableAndADeletedOneIsGone() throws Exception {
        JsonNode saved = python("django_save", ID);
        assertThat(saved.at("/results/0/status").asString()).isEqualTo("indexed");
        assertThat(saved.at("/results/0/id").asLong()).isEqualTo(ID);

        Map<String, Object> doc = esDocument(ID);
        assertThat(doc).containsEntry("headline", "Infirmière de nuit").containsEntry("location", "Lille");
        assertThat((List<Object>) doc.get("skills")).as("listed, then named in the headline and summary")
                .containsExactly("nursing", "first_aid", "intensive_care_medicine", "emergency_care", "patient_care");
        assertThat(doc).containsEntry("occupation", "nurse_responsible_for_general_care");
        VectorStore candidates = engineVectors.find("candidates").orElseThrow();
        float[] query = embedder.embed("infirmière de nuit aux urgences");
        assertThat(candidates.search(VectorQuery.of(query, 5))).extracting(hit -> hit.id()).contains(ID);

        JsonNode older = python("stale", ID);
        assertThat(older.at("/result/status").asString()).isEqualTo("stale");
        assertThat(esDocument(ID)).containsEntry("headline", "Infirmière de nuit");

        String scrape = prometheus.scrape();
        assertThat(scrape).contains("hybridmatch_index_freshness_seconds_count{index=\"candidates\"}")
                .contains("hybridmatch_celery_tasks_total{outcome=\"succeeded\",task=\"hybridmatch.index_candidate\"}")
                .contains("hybridmatch_celery_task_duration_seconds_count")
                .contains("hybridmatch_elasticsearch_seconds_count{index=\"candidates\",operation=\"index\"}")
                .contains("hybridmatch_celery_queue_messages{queue=\"" + QUEUE + "\"}");

        JsonNode deleted = python("django_delete", ID);
        assertThat(deleted.at("/results/0/status").asString()).isEqualTo("deleted");
        assertThat(esDocument(ID)).isNull();
        assertThat(candidates.contains(ID)).isFalse();
        assertThat(candidates.search(VectorQuery.of(query, 50))).extracting(hit -> hit.id()).doesNotContain(ID);
    }

    @Test
    void anInvalidProfileFailsWithAReadableValueError() throws Exception {
        JsonNode r = python(List.of("invalid"));
        assertThat(r.at("/raised").asString()).isEqualTo("ValueError");
        assertThat(r.at("/message").asString()).contains("candidate_id must be a non-negative integer");
    }
}
