package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Ephemeral nodes whose JVM died without stopping them: a shutdown hook stops an ephemeral node, but a JVM killed
 * with SIGKILL or crashed runs none, and its node (a gigabyte of heap, a core when busy) ran on with nobody to stop
 * it (seen after a crashed evaluation). Each ephemeral node directory names its owner JVM ({@code owner.pid}: pid and
 * start time, as a recycled pid must not pass for it); the next ephemeral start stops the nodes of owners that are
 * gone and deletes their directories. A directory without the file (being created, or older) is left alone, as is
 * an owner whose start time cannot be read.
 */
final class EphemeralOrphans {

    static final String OWNER_FILE = "owner.pid";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private EphemeralOrphans() {
    }

    /** Names this JVM as the node directory's owner, before the node is launched. */
    static void claim(Path nodeDir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Properties owner = new Properties();
        owner.setProperty("pid", Long.toString(self.pid()));
        owner.setProperty("start", self.info().startInstant().map(Instant::toString).orElse(""));
        PropertiesFiles.write(nodeDir.resolve(OWNER_FILE), owner, "the JVM that owns this ephemeral node (elasticsearch-local)");
    }

    /**
     * Stops and deletes the ephemeral nodes under {@code nodesDir} whose owner JVM has exited. Best effort: two JVMs
     * starting at once may reap the same directory, and a start never fails for an orphan it could not clear.
     */
    static void reap(Path nodesDir) throws IOException {
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(nodesDir, "node-*")) {
            for (Path nodeDir : nodes) {
                try {
                    if (ownerGone(nodeDir)) {
                        NodeProcesses.stop(NodeProcesses.of(nodeDir), STOP_GRACE);
                        FileTrees.deleteRecursively(nodeDir);
                    }
                } catch (IOException | RuntimeException raced) {
                    System.err.println("elasticsearch-local: orphaned node " + nodeDir + " not cleared: " + raced);
                }
            }
        }
    }

    static boolean ownerGone(Path nodeDir) throws IOException {
        Optional<Properties> read = PropertiesFiles.read(nodeDir.resolve(OWNER_FILE));
        if (read.isEmpty()) {
            return false;
        }
        Properties owner = read.get();
        long pid;
        try {
            pid = Long.parseLong(owner.getProperty("pid", ""));
        } catch (NumberFormatException written) { // written atomically: only a hand edit gets here
            return false;
        }
        String start = owner.getProperty("start", "");
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return !start.isEmpty() && started.isPresent() && !started.get().toString().equals(start);
    }
}
