package io.hybridmatch.elasticsearch.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link LocalElasticsearch} node.
 *
 * @param port         HTTP port on 127.0.0.1; {@code 0} picks a free one
 * @param nodeDir      directory holding the node's {@code config/}, {@code data/} and {@code logs/};
 *                     {@code null} makes an ephemeral node whose directory is deleted on close
 * @param heap         JVM heap of the node, used for both -Xms and -Xmx (e.g. {@code 512m})
 * @param javaHome     JDK (17+) that runs the node; {@code null} uses the running JVM's
 * @param startTimeout how long to wait for a healthy cluster before giving up
 */
public record LocalElasticsearchOptions(int port, Path nodeDir, String heap, Path javaHome, Duration startTimeout) {

    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    public LocalElasticsearchOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heap == null || !heap.matches("\\d+[kmgKMG]")) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, was: " + heap);
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** A throw-away node on a free port: what tests want. */
    public static LocalElasticsearchOptions ephemeral() {
        return new LocalElasticsearchOptions(0, null, DEFAULT_HEAP, null, DEFAULT_START_TIMEOUT);
    }

    /** A node on a fixed port whose indexes survive a restart: what the run command wants. */
    public static LocalElasticsearchOptions persistent(int port, Path nodeDir) {
        return new LocalElasticsearchOptions(port, Objects.requireNonNull(nodeDir, "nodeDir"),
                DEFAULT_HEAP, null, DEFAULT_START_TIMEOUT);
    }

    public boolean isEphemeral() {
        return nodeDir == null;
    }

    public LocalElasticsearchOptions withNodeDir(Path newNodeDir) {
        return new LocalElasticsearchOptions(port, newNodeDir, heap, javaHome, startTimeout);
    }

    public LocalElasticsearchOptions withHeap(String newHeap) {
        return new LocalElasticsearchOptions(port, nodeDir, newHeap, javaHome, startTimeout);
    }

    public LocalElasticsearchOptions withJavaHome(Path newJavaHome) {
        return new LocalElasticsearchOptions(port, nodeDir, heap, newJavaHome, startTimeout);
    }

    public LocalElasticsearchOptions withStartTimeout(Duration newStartTimeout) {
        return new LocalElasticsearchOptions(port, nodeDir, heap, javaHome, newStartTimeout);
    }
}
