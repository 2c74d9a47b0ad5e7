package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The OS user the node runs as. Elasticsearch refuses to run as root, so when we are root the
 * node runs as a dedicated system user that owns the node directory; otherwise as ourselves.
 */
final class NodeUser {

    static final String SYSTEM_USER = "hybridmatch-es";

    private final boolean switchUser;

    private NodeUser(boolean switchUser) {
        this.switchUser = switchUser;
    }

    static NodeUser forCurrentProcess() throws IOException {
        if (!runningAsRoot()) {
            return new NodeUser(false);
        }
        ensureSystemUserExists();
        return new NodeUser(true);
    }

    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Prefixes {@code command} so that it runs as the node user (setpriv keeps the environment). */
    List<String> wrap(List<String> command) {
        if (!switchUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + SYSTEM_USER,
                "--regid=" + SYSTEM_USER, "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives the node user ownership of a directory it must write to. */
    void takeOwnership(Path dir) throws IOException {
        if (switchUser) {
            Commands.run(List.of("chown", "-R", SYSTEM_USER + ":" + SYSTEM_USER, dir.toString()));
        }
    }

    /** Fails early, with a clear message, when the node user could not reach its files. */
    void checkAccess(Path readable, Path writable) throws IOException {
        if (switchUser) {
            Commands.run(wrap(List.of("test", "-r", readable.toString(), "-a", "-w", writable.toString())),
                    "user " + SYSTEM_USER + " cannot read " + readable + " or write " + writable
                            + " (are all parent directories world-searchable?)");
        }
    }

    private static void ensureSystemUserExists() throws IOException {
        if (Commands.succeeds(List.of("id", "-u", SYSTEM_USER))) {
            return;
        }
        try {
            Commands.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    SYSTEM_USER));
        } catch (IOException e) {
            // Another JVM may have created it at the same time.
            if (!Commands.succeeds(List.of("id", "-u", SYSTEM_USER))) {
                throw e;
            }
        }
    }
}
