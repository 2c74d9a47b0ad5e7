package io.hybridmatch.worker.faults;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A redis-server of the test's own on its own port, append-only with fsync on every write (results stored before a
 * restart are still there after it), so a restart does not disturb the shared Redis on 6379.
 */
final class OwnRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    OwnRedis(int port) throws IOException, InterruptedException {
        this.port = port;
        this.dir = Files.createTempDirectory("outage-redis");
        start();
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", ""))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 100 && !listening(); i++) {
            Thread.sleep(100);
        }
        if (!listening()) {
            throw new IllegalStateException("redis-server not listening on " + port + ": " + Files.readString(dir.resolve("redis.log")));
        }
    }

    /** SIGTERM: Redis flushes its append-only file and exits. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        FileSystemUtils.deleteRecursively(dir);
    }
}
