package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the unpacked distribution and ephemeral nodes live.
 *
 * <p>As root the node runs as another user, who cannot read anything under /root, hence a
 * world-readable place under /var/tmp; otherwise the user's cache. {@code -Delasticsearch.local.dir}
 * overrides both.
 */
final class LocalDirectories {

    private LocalDirectories() {
    }

    static Path base() {
        String configured = System.getProperty("elasticsearch.local.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        if (NodeUser.runningAsRoot()) {
            return Path.of("/var/tmp/hybridmatch/elasticsearch");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "hybridmatch", "elasticsearch");
    }

    /** Created on demand, world-searchable so that the node user can reach its files. */
    static Path distributions() throws IOException {
        return createShared(base().resolve("distributions"));
    }

    /** Created on demand, world-searchable so that the node user can reach its files. */
    static Path ephemeralNodes() throws IOException {
        return createShared(base().resolve("nodes"));
    }

    private static Path createShared(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path each : new Path[] {base(), dir}) {
            Files.setPosixFilePermissions(each, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }
}
