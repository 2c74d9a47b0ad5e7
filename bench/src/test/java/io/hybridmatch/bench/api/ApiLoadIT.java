package io.hybridmatch.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.security.ApiKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * 8 writers + 32 readers on the HTTP API of a real engine process (its jar, FAISS, MiniLM, the test Elasticsearch):
 * no error, no torn answer, resident memory flat. 60 s in CI; {@code -Dapi-load.duration=PT10M} (profile
 * {@code reliability}) is the long form. The memory table is printed.
 */
class ApiLoadIT {

    static final Duration DURATION = Duration.parse(System.getProperty("api-load.duration", "PT60S"));
    static final String KEY = "api-load-" + java.util.UUID.randomUUID();

    @Test
    void writersAndReadersTogetherSeeNoErrorNoTornResultAndFlatMemory() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("api-load-engine");
        Process engine = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m", "-jar", engineJar().toString(),
                "--server.port=" + port, "--hybridmatch.data-dir=" + data,
                "--hybridmatch.elasticsearch.url=" + TestElasticsearch.url(),
                "--hybridmatch.security.api-keys[0].name=load",
                "--hybridmatch.security.api-keys[0].sha256=" + ApiKeys.sha256Hex(KEY),
                "--hybridmatch.security.api-keys[0].scopes=vectors:read,vectors:write,metrics"))
                .redirectErrorStream(true).redirectOutput(data.resolve("engine.log").toFile()).start();
        try {
            URI url = URI.create("http://127.0.0.1:" + port + "/");
            awaitHealthy(url, engine);
            ApiLoad.Report report = new ApiLoad(new ApiLoad.Settings(url, KEY, engine.pid(), 8, 32, DURATION,
                    Duration.ofSeconds(Math.max(5, DURATION.toSeconds() / 10)))).run();
            System.out.printf("API LOAD %d s: %d writes, %d reads, %d errors, %d torn%n%s", DURATION.toSeconds(),
                    report.writes(), report.reads(), report.errors(), report.torn(), report.table());
            assertThat(report.firstProblem()).isNull();
            assertThat(report.errors()).isZero();
            assertThat(report.torn()).isZero();
            assertThat(report.writes()).isPositive();
            assertThat(report.reads()).isPositive();
            List<ApiLoad.Sample> samples = report.samples();
            long warm = samples.get(samples.size() / 3).rssKib();
            assertThat(samples.getLast().rssKib()).as("resident memory after warm-up, then at the end (KiB)")
                    .isLessThan(warm * 3 / 2);
        } finally {
            engine.destroy();
            if (!engine.waitFor(30, TimeUnit.SECONDS)) {
                engine.destroyForcibly().waitFor();
            }
            FileSystemUtils.deleteRecursively(data);
        }
    }

    /** The engine's executable jar, built by the reactor before this module. */
    private static Path engineJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("../matching-engine-http/target"),
                "matching-engine-http-*-exec.jar")) {
            return jars.iterator().next().toAbsolutePath();
        }
    }

    private static void awaitHealthy(URI url, Process engine) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && engine.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url.resolve("actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("engine not healthy (alive: " + engine.isAlive() + ")");
    }
}
