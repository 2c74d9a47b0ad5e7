package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Optional<Properties> read = PropertiesFiles.read(location(nodeDir));
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = read.get();
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
        PropertiesFiles.write(location(nodeDir), properties, "supervised Elasticsearch node (elasticsearch-local)");
    }

    static void delete(Path nodeDir) throws IOException {
        Files.deleteIfExists(location(nodeDir));
    }
}
