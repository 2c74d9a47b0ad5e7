package io.hybridmatch.django;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.test.util.TestSocketUtils;

/**
 * The backend as a user starts it: bin/run (on the jars the reactor built) on free ports, a data directory under
 * target/ and a queue of its own, so it never meets another run's engine, worker, node or tasks.
 */
final class BinRun implements AutoCloseable {

    static final Path ROOT = PythonCommand.MODULE.getParent();

    final int enginePort = TestSocketUtils.findAvailableTcpPort();
    final int elasticsearchPort = TestSocketUtils.findAvailableTcpPort();
    final String queue = "django-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    final Path dataDir;
    private final Path log;
    private final Process process;

    BinRun(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/run").toString()).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("ELASTICSEARCH_URL");
        builder.environment().put("HYBRIDMATCH_SKIP_BUILD", "1");
        builder.environment().put("HYBRIDMATCH_DATA_DIR", dataDir.toString());
        builder.environment().put("ENGINE_PORT", Integer.toString(enginePort));
        builder.environment().put("WORKER_MANAGEMENT_PORT", Integer.toString(TestSocketUtils.findAvailableTcpPort()));
        builder.environment().put("ELASTICSEARCH_PORT", Integer.toString(elasticsearchPort));
        builder.environment().put("HYBRIDMATCH_WORKER_QUEUE", queue);
        process = builder.start();
    }

    /** Waits for bin/run's "ready" line; fails with its log if it ends or takes longer than the limit. */
    void awaitReady(Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("run: ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("bin/run ended:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("bin/run not ready within " + limit + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    String engineUrl() {
        return "http://127.0.0.1:" + enginePort;
    }

    String elasticsearchUrl() {
        return "http://127.0.0.1:" + elasticsearchPort;
    }

    Path demoKey() {
        return dataDir.resolve("secrets/demo.key");
    }

    /** The /proc entry of a process bin/run recorded ("engine", "worker", "elasticsearch"). */
    Path procOf(String name) throws IOException {
        String pid = Files.readString(dataDir.resolve("run/" + name + ".pid")).strip().split(" ")[0];
        return Path.of("/proc", pid);
    }

    /**
     * SIGTERM: bin/run's trap stops the worker, the engine and the node it started. Then the run's queues go (the
     * worker's task queue, its dead-letter and delay queues), so CI runs leave nothing behind in RabbitMQ.
     */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        deleteQueues();
    }

    private void deleteQueues() throws Exception {
        Process list = new ProcessBuilder("rabbitmqctl", "list_queues", "-q", "name").redirectErrorStream(true).start();
        List<String> names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(name -> name.equals(queue) || name.startsWith(queue + ".")).toList();
        list.waitFor(1, TimeUnit.MINUTES);
        ConnectionFactory broker = new ConnectionFactory();
        broker.setHost("127.0.0.1");
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            for (String name : names) {
                channel.queueDelete(name);
            }
        }
    }
}
