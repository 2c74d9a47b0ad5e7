package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <nodeDir>/node.pid}: which processes run the supervised node and on which port, as Java properties
 * ({@code server.pid}, {@code launcher.pid}, {@code port}, {@code node.dir}) that a shell script can grep.
 * {@code server.pid} is 0 until the node has answered its first health check.
 */
record NodePidFile(long serverPid, long launcherPid, int port, Path nodeDir) {

    static final String FILE_NAME = "node.pid";

    static Path location(Path nodeDir) {
        return nodeDir.resolve(FILE_NAME);
    }

    static Optional<NodePidFile> read(Path nodeDir) throws IOException {
        Path file = location(nodeDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        try {
            return Optional.of(new NodePidFile(
                    Long.parseLong(properties.getProperty("server.pid", "0")),
                    Long.parseLong(properties.getProperty("launcher.pid", "0")),
                    Integer.parseInt(properties.getProperty("port", "0")),
                    nodeDir));
        } catch (NumberFormatException torn) {
            // written atomically, so only a hand edit gets here: treat as no record, the processes are found anyway
            return Optional.empty();
        }
    }

    /** Replaces the file atomically, so that a reader never sees half of it. */
    void write() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("server.pid", Long.toString(serverPid));
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("node.dir", nodeDir.toString());
        Path staging = nodeDir.resolve(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            properties.store(out, "supervised Elasticsearch node (elasticsearch-local)");
        }
        Files.move(staging, location(nodeDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void delete(Path nodeDir) throws IOException {
        Files.deleteIfExists(location(nodeDir));
    }
}
