package io.hybridmatch.engine;

import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that share one running engine (demo data loaded): real FAISS, ONNX model and Elasticsearch node.
 * {@link #client} talks to it with the all-scope test key and checks each exchange against the contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EngineIT {

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    int port;
    ContractClient client;

    @BeforeEach
    void contractClient() {
        client = new ContractClient(port);
    }

    @DynamicPropertySource
    static void engineProperties(DynamicPropertyRegistry registry) {
        registry.add("hybridmatch.elasticsearch.url", () -> TestElasticsearch.url().toString());
        registry.add("hybridmatch.data-dir", DATA_DIR::toString);
        registry.add("hybridmatch.demo.enabled", () -> "true");
        registry.add("hybridmatch.monitoring.drift-baseline-size", () -> "20");
        registry.add("hybridmatch.monitoring.drift-window-size", () -> "20");
        TestKeys.register(registry);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("hybridmatch-engine-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
