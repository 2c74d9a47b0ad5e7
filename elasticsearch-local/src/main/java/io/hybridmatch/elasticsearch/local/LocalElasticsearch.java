package io.hybridmatch.elasticsearch.local;

import java.io.File;
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

/**
 * A real single-node Elasticsearch running as a child process, bound to 127.0.0.1, security off.
 *
 * <p>{@link #start} returns once the cluster is healthy, or fails within the start timeout with
 * the tail of the node's console log. Such a node never outlives the JVM that started it: a shutdown
 * hook stops it if {@link #close} was not called. {@link SupervisedElasticsearch} starts nodes
 * that outlive it instead.
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
        return start(options, true);
    }

    /** Told of a node as soon as its process runs, before it is healthy. */
    interface LaunchListener {
        void launched(LocalElasticsearch node) throws IOException;
    }

    /** Starts a node that keeps running when this JVM exits (no shutdown hook). */
    static LocalElasticsearch startDetached(LocalElasticsearchOptions options, LaunchListener listener) throws IOException {
        LocalElasticsearch node = launchNode(options, false);
        try {
            listener.launched(node);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        node.awaitHealthyOrClose(options.startTimeout());
        return node;
    }

    private static LocalElasticsearch start(LocalElasticsearchOptions options, boolean stopWithThisJvm) throws IOException {
        LocalElasticsearch node = launchNode(options, stopWithThisJvm);
        node.awaitHealthyOrClose(options.startTimeout());
        return node;
    }

    private static LocalElasticsearch launchNode(LocalElasticsearchOptions options, boolean stopWithThisJvm)
            throws IOException {
        int port = options.port() == 0 ? freePort() : requireFree(options.port());
        Path home = ElasticsearchDistribution.fromBuild().unpackedHome(LocalDirectories.distributions());
        NodeUser user = NodeUser.forCurrentProcess();
        if (options.isEphemeral()) {
            EphemeralOrphans.reap(LocalDirectories.ephemeralNodes());
        }
        Path nodeDir = options.isEphemeral()
                ? Files.createTempDirectory(LocalDirectories.ephemeralNodes(), "node-")
                : Files.createDirectories(options.nodeDir().toAbsolutePath().normalize());
        Process process;
        try {
            if (options.isEphemeral()) {
                EphemeralOrphans.claim(nodeDir);
            }
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
        if (stopWithThisJvm) {
            Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        }
        return node;
    }

    private void awaitHealthyOrClose(Duration timeout) throws IOException {
        try {
            awaitHealthy(timeout);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
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

    /** The launcher process (Elasticsearch's CLI), parent of the server JVM. */
    ProcessHandle launcher() {
        return process.toHandle();
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
                // nothing to read; and a detached node must not see its parent's pipe close
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(consoleLog(nodeDir).toFile());
        Map<String, String> env = builder.environment();
        // the parent's class path (a CLASSPATH-launched tool) would be read by Elasticsearch's own JVM and refused
        env.remove("CLASSPATH");
        env.remove("JAVA_TOOL_OPTIONS");
        Path javaHome = options.javaHome() != null ? options.javaHome() : Path.of(System.getProperty("java.home"));
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap() + " " + NodeProcesses.serverMarker(nodeDir));
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

    // SIGTERM to the launcher and the server JVM it forked: both stop gracefully; SIGKILL after the timeout.
    private void stopProcessTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        NodeProcesses.stop(tree, STOP_TIMEOUT);
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
