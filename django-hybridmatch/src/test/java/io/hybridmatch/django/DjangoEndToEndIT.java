package io.hybridmatch.django;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example project's end-to-end test ({@code example/recruiting/tests.py}) with the package installed by pip,
 * against the real engine, Java worker and Elasticsearch started by bin/run, on PostgreSQL and on SQLite; the search
 * page is loaded in Debian's headless Chromium, whose screenshot is left in target/.
 */
class DjangoEndToEndIT {

    static final Path SCREENSHOT = PythonCommand.MODULE.resolve("target/search-page.png");
    static BinRun backend;

    @BeforeAll
    static void startTheBackend() throws Exception {
        Path data = PythonCommand.MODULE.resolve("target/e2e-data");
        Directories.delete(data); // an earlier run's engine data and node: this run starts from bin/run's demo
        Files.createDirectories(data);
        backend = new BinRun(data);
        backend.awaitReady(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stopTheBackend() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private static PythonCommand endToEnd(String database) throws Exception {
        return new PythonCommand(PythonCommand.MODULE.resolve("example"),
                List.of(InstalledPackage.python().toString(), "manage.py", "test", "recruiting", "-v", "2"),
                Map.of("EXAMPLE_DATABASE", database,
                        "EXAMPLE_DATABASE_NAME", "hm_e2e_" + UUID.randomUUID().toString().substring(0, 8),
                        "HYBRIDMATCH_ENGINE_URL", backend.engineUrl(),
                        "HYBRIDMATCH_API_KEY_FILE", backend.demoKey().toString(),
                        "HYBRIDMATCH_QUEUE", backend.queue,
                        "E2E_ELASTICSEARCH_URL", backend.elasticsearchUrl(),
                        "E2E_SCREENSHOT", SCREENSHOT.toString()),
                Duration.ofMinutes(10));
    }

    /**
     * The worker that runs the tests below is the one a user gets: started by bin/start-worker from the JDK's AOT
     * cache (mapped into its memory, so not rejected and silently skipped) with Spring AOT's bean definitions.
     */
    @Test
    void theWorkerRunsFromItsAotCacheWithSpringAot() throws Exception {
        Path worker = backend.procOf("worker");
        assertThat(Files.readString(worker.resolve("cmdline")).replace('\0', ' '))
                .contains("-Dspring.aot.enabled=true").contains("-XX:AOTCache=");
        assertThat(Files.readAllLines(worker.resolve("maps"))).anyMatch(line -> line.endsWith("/worker.aot"));
    }

    @Test
    void onPostgresql() throws Exception {
        assertThat(endToEnd("postgresql").succeeds()).contains("Creating test database").contains("OK");
    }

    @Test
    void onSqlite() throws Exception {
        assertThat(endToEnd("sqlite").succeeds()).contains("OK");
        assertThat(Files.size(SCREENSHOT)).as("the search page's screenshot").isGreaterThan(10_000);
    }
}
