package io.hybridmatch.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A module's executable jar (the engine's or the worker's, built by the reactor before this module) as a process of
 * its own, as {@code bin/run} starts it: on a free {@code server.port}, in a working directory of its own (the
 * engine's default data dir {@code ./data} is there), its output in {@code process.log} there.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final URI url;
    private final Path dir;

    private JarProcess(Process process, URI url, Path dir) {
        this.process = process;
        this.url = url;
        this.dir = dir;
    }

    /** {@code jvmOptions} before {@code -jar}, {@code arguments} (Spring Boot options) after the port. */
    public static JarProcess start(String module, List<String> jvmOptions, List<String> arguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory(module + "-process");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar(module).toString(), "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        return new JarProcess(process, URI.create("http://127.0.0.1:" + port + "/"), dir);
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code healthPath} answers 200 (the engine's readiness comes after start-up work such as the demo load). */
    public JarProcess awaitHealthy(String healthPath, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url.resolve(healthPath))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + healthPath + " not healthy (alive: " + process.isAlive() + "), see "
                + dir.resolve("process.log") + ":\n" + tail());
    }

    /** {@link #awaitHealthy} in the background, so that several processes start side by side. */
    public CompletableFuture<JarProcess> healthy(String healthPath, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return awaitHealthy(healthPath, timeout);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** {@code kill -9}: the process gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("process.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    private static Path jar(String module) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("..", module, "target"), module + "-*-exec.jar")) {
            return jars.iterator().next().toAbsolutePath();
        }
    }
}
