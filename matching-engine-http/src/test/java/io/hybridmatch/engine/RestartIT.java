package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's walk-through: vectors written, the engine stopped and started again on the same data dir, the vectors
 * still there. And the engine never starts Elasticsearch: without a URL it refuses to start, naming the property.
 */
class RestartIT {

    @TempDir
    Path tempDir;

    @Test
    void vectorsSurviveARestart() {
        Path dataDir = tempDir.resolve("data");
        URI elasticsearch = TestElasticsearch.url();
        float[] kept;
        float[] deleted;
        try (ConfigurableApplicationContext engine = start(elasticsearch, dataDir)) {
            ContractClient client = client(engine);
            int dimension = client.post("/embeddings", Map.of("texts", List.of("x"))).body().get("dimension").asInt();
            kept = UnitVectors.random(dimension, 1);
            deleted = UnitVectors.random(dimension, 2);
            client.post("/faiss/upsert", Map.of("index", "candidates", "items", List.of(
                    Map.of("id", 1, "vector", kept), Map.of("id", 2, "vector", deleted), Map.of("id", 3, "vector", UnitVectors.random(dimension, 3)))));
            client.post("/faiss/delete", Map.of("index", "candidates", "ids", List.of(2)));
        }

        try (ConfigurableApplicationContext engine = start(elasticsearch, dataDir)) {
            ContractClient client = client(engine);
            var hits = client.post("/faiss/search", Map.of("index", "candidates", "vector", kept, "top_k", 10)).body().get("hits");
            assertThat(hits.valueStream().map(hit -> hit.get("id").asLong()).toList()).containsExactly(1L, 3L);
            assertThat(client.post("/faiss/search", Map.of("index", "candidates", "vector", deleted, "top_k", 10))
                    .body().get("hits").valueStream().map(hit -> hit.get("id").asLong())).doesNotContain(2L);
        }
    }

    @Test
    void withoutAnElasticsearchUrlTheEngineRefusesToStartAndStartsNoNode() {
        Path dataDir = tempDir.resolve("no-url");

        assertThatThrownBy(() -> start(URI.create(""), dataDir).close())
                .rootCause()
                .hasMessageContaining("hybridmatch.elasticsearch.url must name the Elasticsearch cluster")
                .hasMessageContaining("ELASTICSEARCH_URL")
                .hasMessageContaining("the engine and the worker do not start one");
        assertThat(dataDir.resolve("elasticsearch")).doesNotExist();
    }

    private static ConfigurableApplicationContext start(URI elasticsearch, Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--hybridmatch.data-dir=" + dataDir,
                "--hybridmatch.elasticsearch.url=" + elasticsearch));
        args.addAll(TestKeys.arguments(List.of(TestKeys.ADMIN)));
        return new SpringApplicationBuilder(MatchingEngineApplication.class).run(args.toArray(String[]::new));
    }

    private static ContractClient client(ConfigurableApplicationContext engine) {
        return new ContractClient(((WebServerApplicationContext) engine).getWebServer().getPort());
    }
}
