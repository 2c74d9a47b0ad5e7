package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A persistent local node that lives on its own, outside the JVM that started it, found again through its pid file
 * ({@link NodePidFile}) so that a run command can be started any number of times, after any crash:
 * <ul>
 *   <li>a healthy node of ours for the directory (pid alive, its command line names this node directory, cluster
 *       health answers within {@code reuseTimeout}) is reused;</li>
 *   <li>a stale one (dead, or alive but not answering in time, or on another port) is stopped (SIGTERM, then
 *       SIGKILL) and a new one is started;</li>
 *   <li>processes that are not this directory's node are never signalled, whatever the pid file says;</li>
 *   <li>concurrent callers for one directory are serialised by a file lock, so they never start two nodes.</li>
 * </ul>
 */
public final class SupervisedElasticsearch {

    /** How long a stale node gets to stop on SIGTERM before SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String LOCK_FILE = "supervisor.lock";
    private static final String NODE_LOCK = "data/node.lock";

    private SupervisedElasticsearch() {
    }

    /** What {@link #ensure} found or did. */
    public record Node(URI url, long pid, boolean reused, String replaced) {
    }

    /**
     * Returns a healthy node for {@code options.nodeDir()}: the running one if it is ours and healthy, else a new
     * one (the stale one stopped first). {@code options.port() == 0} accepts the running node's port.
     */
    public static Node ensure(LocalElasticsearchOptions options, Duration reuseTimeout) throws IOException {
        if (options.isEphemeral()) {
            throw new IllegalArgumentException("a supervised node needs a node directory");
        }
        Path nodeDir = Files.createDirectories(options.nodeDir().toAbsolutePath().normalize());
        try (FileChannel ignored = lock(nodeDir, options.startTimeout().plus(STOP_GRACE.multipliedBy(2)))) {
            Optional<NodePidFile> recorded = NodePidFile.read(nodeDir);
            Stale stale = recorded.isEmpty() ? new Stale("no pid file", STOP_GRACE)
                    : staleness(recorded.get(), options.port(), reuseTimeout);
            if (stale == null) {
                return new Node(url(recorded.get().port()), recorded.get().serverPid(), true, null);
            }
            stopAll(nodeDir, stale.grace());
            // recorded as soon as spawned: a crash during the wait for health leaves a findable node
            LocalElasticsearch node = LocalElasticsearch.startDetached(options.withNodeDir(nodeDir),
                    launched -> new NodePidFile(0, launched.launcher().pid(), launched.port(), nodeDir).write());
            long serverPid = serverPid(node, nodeDir);
            new NodePidFile(serverPid, node.launcher().pid(), node.port(), nodeDir).write();
            return new Node(node.url(), serverPid, false, stale.reason());
        }
    }

    /** Stops the node of {@code nodeDir}, if one runs; true if there was one. */
    public static boolean stop(Path nodeDir) throws IOException {
        Path dir = nodeDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (FileChannel ignored = lock(dir, STOP_GRACE.multipliedBy(3))) {
            return stopAll(dir, STOP_GRACE);
        }
    }

    /** Why a recorded node cannot be reused, and how long it gets to stop gracefully. */
    private record Stale(String reason, Duration grace) {
    }

    /** Null when the recorded node is ours, on the wanted port and healthy. */
    private static Stale staleness(NodePidFile record, int wantedPort, Duration reuseTimeout) {
        if (!NodeProcesses.isOurs(record.serverPid(), record.nodeDir())) {
            return new Stale("server pid " + record.serverPid() + " is not running this node", STOP_GRACE);
        }
        if (wantedPort != 0 && wantedPort != record.port()) {
            return new Stale("it listens on port " + record.port() + ", not " + wantedPort, STOP_GRACE);
        }
        ClusterHealthProbe probe = new ClusterHealthProbe(url(record.port()));
        Instant deadline = Instant.now().plus(reuseTimeout);
        do {
            if (probe.isHealthy()) {
                return null;
            }
            sleep(Duration.ofMillis(500));
        } while (Instant.now().isBefore(deadline));
        // hung: a graceful stop would wait for nothing (Elasticsearch recovers from its translog after SIGKILL)
        return new Stale("pid " + record.serverPid() + " did not answer a health check within "
                + reuseTimeout.toSeconds() + " s", Duration.ZERO);
    }

    // Every process of this node directory, recorded or not (a run killed between spawning and writing the pid
    // file leaves an unrecorded one); the node lock file goes too once no process can hold it.
    private static boolean stopAll(Path nodeDir, Duration grace) throws IOException {
        List<ProcessHandle> processes = NodeProcesses.of(nodeDir);
        NodeProcesses.stop(processes, grace);
        NodePidFile.delete(nodeDir);
        Files.deleteIfExists(nodeDir.resolve(NODE_LOCK));
        return !processes.isEmpty();
    }

    private static long serverPid(LocalElasticsearch node, Path nodeDir) throws IOException {
        return NodeProcesses.of(nodeDir).stream()
                .filter(process -> process.pid() != node.launcher().pid())
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IOException("Elasticsearch answers but no server JVM of " + nodeDir + " is found"));
    }

    /** The returned channel holds the lock until it is closed. */
    private static FileChannel lock(Path nodeDir, Duration timeout) throws IOException {
        FileChannel channel = FileChannel.open(nodeDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                if (channel.tryLock() != null) {
                    return channel;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("another process has held " + nodeDir.resolve(LOCK_FILE) + " for "
                            + timeout.toSeconds() + " s");
                }
                sleep(Duration.ofMillis(200));
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
