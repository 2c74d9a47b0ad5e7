package io.hybridmatch.celery.conformance;

import io.hybridmatch.celery.worker.DelayQueues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * One pass of the scenarios against one worker on one result backend: the Python runner (the client) starts
 * first, then the worker on a fresh queue {@code conf-<random>}; the runner's JSON lines are the result. Both
 * processes are killed at the end whatever happens, and the run's queues are deleted.
 */
final class ConformanceRun {

    static final String PYTHON = "/usr/bin/python3";
    /**
     * The suite's own RabbitMQ virtual host: remote control broadcasts and events of other tests on this broker
     * (a {@code celery control shutdown} to all workers, say) never reach its workers, and its {@code celery}
     * queue is its own.
     */
    static final String VHOST = "hybridmatch-conformance";
    static final Path PYTHON_SOURCES = Path.of("src/test/python").toAbsolutePath();
    private static final Duration RUNNER_READY = Duration.ofSeconds(30);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    private final Implementation implementation;
    private final String backendName;
    private final String backendUrl;
    private final List<String> scenarioPatterns;
    private final Path logs;
    private final String queue;
    private final String hostname;

    ConformanceRun(Implementation implementation, String backendName, String backendUrl, List<String> scenarioPatterns,
                   Path logs) {
        this.implementation = implementation;
        this.backendName = backendName;
        this.backendUrl = backendUrl;
        this.scenarioPatterns = scenarioPatterns;
        this.logs = logs;
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.queue = "conf-" + id;
        this.hostname = "conf-" + implementation.label + "@" + id;
    }

    ScenarioRecords run() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        String name = backendName + "-" + implementation.label;
        Path out = logs.resolve(name + ".jsonl");
        Path runnerLog = logs.resolve(name + "-runner.log");
        // a JVM can take a minute and more to start on 2 busy cores
        List<String> runnerCommand = new ArrayList<>(List.of(PYTHON, "-m", "conformance.runner", "--worker", hostname,
                "--out", out.toString(), "--startup-timeout", "240"));
        runnerCommand.addAll(scenarioPatterns);
        Process runner = null;
        Process worker = null;
        try {
            runner = start(runnerCommand, runnerLog);
            awaitLine(runnerLog, "events receiver ready", runner);
            worker = start(implementation.command(queue, hostname, backendUrl), logs.resolve(name + "-worker.log"));
            if (!runner.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": the runner did not finish within " + RUN_LIMIT + ", see " + runnerLog);
            }
            if (runner.exitValue() != 0) {
                throw new IllegalStateException(name + ": the runner failed (exit " + runner.exitValue() + "), see "
                        + runnerLog + ":\n" + tail(runnerLog));
            }
            return ScenarioRecords.read(out);
        } finally {
            stop(runner);
            stop(worker);
            deleteQueues();
        }
    }

    /** Creates the virtual host for guest (idempotent); rabbitmqctl as the broker-restart tests use it. */
    static void prepareBroker() throws IOException, InterruptedException {
        rabbitmqctl("add_vhost", VHOST);
        rabbitmqctl("set_permissions", "-p", VHOST, "guest", ".*", ".*", ".*");
    }

    private static void rabbitmqctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed: " + output);
        }
    }

    private Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(PYTHON_SOURCES.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "PYTHONPATH", PYTHON_SOURCES.toString(),
                "PYTHONUNBUFFERED", "1",
                "CONFORMANCE_BROKER", "amqp://guest:guest@127.0.0.1:5672/" + VHOST,
                "CONFORMANCE_BACKEND", backendUrl,
                "CONFORMANCE_QUEUE", queue));
        return builder.start();
    }

    private static void awaitLine(Path log, String line, Process process) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(RUNNER_READY);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + line + "' from " + log + ":\n" + tail(log));
    }

    /** SIGTERM (warm shutdown for both workers), then SIGKILL for the process and its children. */
    private static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Best effort: a failed clean-up must not hide the run's own outcome. */
    private void deleteQueues() {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        connections.setVirtualHost(VHOST);
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            List<String> names = new ArrayList<>(List.of(queue, queue + ".routed", queue + ".priority",
                    queue + ".extra", queue + ".dead-letter"));
            new DelayQueues(null, List.of(queue)).declarables().forEach(q -> names.add(((Queue) q).getName()));
            for (String name : names) {
                admin.deleteQueue(name);
                admin.deleteExchange(name);
            }
        } catch (AmqpException e) {
            System.err.println("[conformance] could not delete the queues of " + queue + ": " + e);
        } finally {
            connections.destroy();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
