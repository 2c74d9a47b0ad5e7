package io.hybridmatch.celery.worker;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

/**
 * A RabbitMQ node of the test's own (node {@code outage-<port>@localhost}, its own port, data and logs, no plugins),
 * so a restart does not disturb the shared broker on 5672 nor the tests that run beside it on that broker. Durable
 * queues and persistent messages survive its restarts, as in production.
 */
public final class OwnRabbitMq implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final int port;
    private final String node;
    private final Path dir;
    private final Map<String, String> env;

    /** A new node on a free port, started. */
    public OwnRabbitMq() throws IOException, InterruptedException {
        this.port = TestSocketUtils.findAvailableTcpPort();
        this.node = "outage-" + port + "@localhost";
        this.dir = Files.createTempDirectory("outage-rabbitmq");
        Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.local = 127.0.0.1:" + port + "\n");
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        // rabbitmq-server drops root privileges to the rabbitmq user, who must own the node's directory
        run(List.of("chown", "-R", "rabbitmq:rabbitmq", dir.toString()), Map.of());
        this.env = Map.of("RABBITMQ_NODENAME", node, "RABBITMQ_NODE_PORT", Integer.toString(port),
                "RABBITMQ_DIST_PORT", Integer.toString(TestSocketUtils.findAvailableTcpPort()), "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(), "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                "RABBITMQ_PID_FILE", dir.resolve("pid").toString());
        start();
    }

    public int port() {
        return port;
    }

    public void start() throws IOException, InterruptedException {
        run(List.of("rabbitmq-server", "-detached"), env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("RabbitMQ node " + node + " not listening on " + port + " after " + START_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    /** Returns once the node's process has ended (the pid file argument makes rabbitmqctl wait for it). */
    public void stop() throws IOException, InterruptedException {
        run(List.of("rabbitmqctl", "-n", node, "stop", dir.resolve("pid").toString()), env);
    }

    /** The AMQP URL of this node for the guest user (loopback only, as on the shared broker). */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port + "//";
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).directory(new java.io.File(System.getProperty("java.io.tmpdir")));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 120 s");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        FileSystemUtils.deleteRecursively(dir);
    }
}
