package io.hybridmatch.worker;

import io.hybridmatch.engine.MatchingEngineApplication;
import io.hybridmatch.security.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The matching engine in the test JVM, as deployed: its own configuration, its FAISS files in {@code dataDir}, one
 * API key for the worker (the engine knows only its SHA-256).
 */
public final class TestEngine {

    private TestEngine() {
    }

    /** {@code port} 0 = a free one. */
    public static ConfigurableApplicationContext start(int port, Path dataDir, URI elasticsearch, String workerKey) {
        return new SpringApplicationBuilder(MatchingEngineApplication.class).run("--server.port=" + port,
                "--spring.config.name=application",
                // the worker's Celery runtime is on this test's class path, not the engine's
                "--spring.autoconfigure.exclude=io.hybridmatch.celery.worker.boot.CeleryWorkerAutoConfiguration",
                "--hybridmatch.data-dir=" + dataDir,
                "--hybridmatch.elasticsearch.url=" + elasticsearch,
                "--hybridmatch.security.api-keys[0].name=worker",
                "--hybridmatch.security.api-keys[0].sha256=" + ApiKeys.sha256Hex(workerKey),
                "--hybridmatch.security.api-keys[0].scopes=vectors:read,vectors:write");
    }

    public static URI url(ConfigurableApplicationContext engine) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) engine).getWebServer().getPort());
    }

    /** The worker reads its key from a file ({@code hybridmatch.engine.api-key-file}). */
    public static String keyFile(String key) {
        try {
            Path file = Files.createTempFile("worker-api-key", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, key + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
