package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's walk-through, on the defaults of the run command: no Elasticsearch URL (the engine starts its own
 * node, data under data-dir), vectors written, the engine stopped and started again, the vectors still there.
 */
class RestartTest {

    @TempDir
    Path tempDir;

    @Test
    void vectorsAndTheLocalNodeSurviveARestart() throws IOException {
        // JUnit's temp dir is private to root; the node runs as its own user and must reach its data dir
        Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = tempDir.resolve("data");
        int esPort = freePort();
        float[] kept;
        float[] deleted;
        try (ConfigurableApplicationContext engine = start(esPort, dataDir)) {
            ContractClient client = client(engine);
            int dimension = client.post("/embeddings", Map.of("texts", List.of("x"))).body().get("dimension").asInt();
            kept = UnitVectors.random(dimension, 1);
            deleted = UnitVectors.random(dimension, 2);
            client.post("/faiss/upsert", Map.of("index", "candidates", "items", List.of(
                    Map.of("id", 1, "vector", kept), Map.of("id", 2, "vector", deleted), Map.of("id", 3, "vector", UnitVectors.random(dimension, 3)))));
            client.post("/faiss/delete", Map.of("index", "candidates", "ids", List.of(2)));
        }

        try (ConfigurableApplicationContext engine = start(esPort, dataDir)) {
            ContractClient client = client(engine);
            var hits = client.post("/faiss/search", Map.of("index", "candidates", "vector", kept, "top_k", 10)).body().get("hits");
            assertThat(hits.valueStream().map(hit -> hit.get("id").asLong()).toList()).containsExactly(1L, 3L);
            assertThat(client.post("/faiss/search", Map.of("index", "candidates", "vector", deleted, "top_k", 10))
                    .body().get("hits").valueStream().map(hit -> hit.get("id").asLong())).doesNotContain(2L);
        }
    }

    private static ConfigurableApplicationContext start(int esPort, Path dataDir) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--hybridmatch.data-dir=" + dataDir,
                "--hybridmatch.elasticsearch.url=",
                "--hybridmatch.elasticsearch.local-port=" + esPort));
        args.addAll(TestKeys.arguments(List.of(TestKeys.ADMIN)));
        return new SpringApplicationBuilder(MatchingEngineApplication.class).run(args.toArray(String[]::new));
    }

    private static ContractClient client(ConfigurableApplicationContext engine) {
        return new ContractClient(((WebServerApplicationContext) engine).getWebServer().getPort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
