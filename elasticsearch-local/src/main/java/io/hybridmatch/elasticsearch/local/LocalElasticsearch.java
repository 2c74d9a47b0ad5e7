package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Elasticsearch running as a child process, bound to 127.0.0.1, security off.
 *
 * <p>{@link #start} returns once the cluster is healthy, or fails within the start timeout with
 * the tail of the node's console log. A node never outlives the JVM that started it: a shutdown
 * hook stops it if {@link #close} was not called.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path nodeDir;
    private final boolean ephemeral;
    private final Thread shutdownHook = new Thread(this::close, "stop-local-elasticsearch");
    private boolean closed;

    private LocalElasticsearch(Process process, int port, Path nodeDir, boolean ephemeral) {
        this.process = process;
        this.port = port;
        this.nodeDir = nodeDir;
        this.ephemeral = ephemeral;
    }

    /** Starts a node and waits until its cluster health is yellow or green. */
    public static LocalElasticsearch start(LocalElasticsearchOptions options) throws IOException {
        int port = options.port() == 0 ? freePort() : requireFree(options.port());
        Path home = ElasticsearchDistribution.fromBuild().unpackedHome(LocalDirectories.distributions());
        NodeUser user = NodeUser.forCurrentProcess();
        Path nodeDir = options.isEphemeral()
                ? Files.createTempDirectory(LocalDirectories.ephemeralNodes(), "node-")
                : Files.createDirectories(options.nodeDir().toAbsolutePath());
        Process process;
        try {
            prepareNodeDir(home, nodeDir);
            user.takeOwnership(nodeDir);
            user.checkAccess(home.resolve("bin/elasticsearch"), nodeDir);
            process = launch(options, home, nodeDir, port, user);
        } catch (IOException | RuntimeException e) {
            if (options.isEphemeral()) {
                FileTrees.deleteRecursively(nodeDir);
            }
            throw e;
        }
        LocalElasticsearch node = new LocalElasticsearch(process, port, nodeDir, options.isEphemeral());
        Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        try {
            node.awaitHealthy(options.startTimeout());
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Holds the node's config/, data/, logs/ and console.log. */
    public Path nodeDir() {
        return nodeDir;
    }

    /** Blocks until the node process ends (for the run command); returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops the node (graceful first) and, for an ephemeral node, deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; closing here is still correct.
            }
        }
        stopProcessTree();
        if (ephemeral) {
            try {
                FileTrees.deleteRecursively(nodeDir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete ephemeral node directory " + nodeDir, e);
            }
        }
    }

    private static Process launch(LocalElasticsearchOptions options, Path home, Path nodeDir, int port, NodeUser user)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(user.wrap(command(home, nodeDir, port)))
                .redirectErrorStream(true)
                .redirectOutput(consoleLog(nodeDir).toFile());
        Map<String, String> env = builder.environment();
        // the parent's class path (a CLASSPATH-launched tool) would be read by Elasticsearch's own JVM and refused
        env.remove("CLASSPATH");
        env.remove("JAVA_TOOL_OPTIONS");
        Path javaHome = options.javaHome() != null ? options.javaHome() : Path.of(System.getProperty("java.home"));
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
        return builder.start();
    }

    private static Path consoleLog(Path nodeDir) {
        return nodeDir.resolve("console.log");
    }

    private static List<String> command(Path home, Path nodeDir, int port) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/elasticsearch").toString());
        for (String setting : List.of(
                "discovery.type=single-node",
                "xpack.security.enabled=false",
                "network.host=127.0.0.1",
                "http.port=" + port,
                "path.data=" + nodeDir.resolve("data"),
                "path.logs=" + nodeDir.resolve("logs"),
                // fs snapshot repositories (backups) must live under path.repo; relative locations resolve here
                "path.repo=" + nodeDir.resolve("snapshots"),
                // A nearly full developer disk must not turn indexes read-only or leave shards unassigned.
                "cluster.routing.allocation.disk.threshold_enabled=false")) {
            command.add("-E" + setting);
        }
        return command;
    }

    // The config directory is the node's own copy: Elasticsearch writes its keystore there.
    private static void prepareNodeDir(Path home, Path nodeDir) throws IOException {
        if (!Files.isDirectory(nodeDir.resolve("config"))) {
            FileTrees.copyRecursively(home.resolve("config"), nodeDir.resolve("config"));
        }
        Files.createDirectories(nodeDir.resolve("data"));
        Files.createDirectories(nodeDir.resolve("logs"));
        Files.createDirectories(nodeDir.resolve("snapshots"));
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        ClusterHealthProbe probe = new ClusterHealthProbe(url());
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Elasticsearch exited with code " + process.exitValue()
                        + " before becoming healthy." + logTail());
            }
            if (probe.isHealthy()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IOException("Elasticsearch was not healthy at " + url() + " after " + timeout.toSeconds()
                + " s." + logTail());
    }

    private String logTail() {
        Path consoleLog = consoleLog(nodeDir);
        try {
            List<String> lines = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return "\n--- last lines of " + consoleLog + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return " (no console log at " + consoleLog + ": " + e.getMessage() + ")";
        }
    }

    // The launcher JVM forks the server JVM and stops it on SIGTERM; the descendants are
    // killed explicitly only if that graceful path does not finish in time.
    private void stopProcessTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception notStoppedInTime) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            if (notStoppedInTime instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is already in use (another Elasticsearch?)", e);
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
