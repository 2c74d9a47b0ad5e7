package io.hybridmatch.elasticsearch.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live processes of the node that lives in one directory, known by their command lines: Elasticsearch's launcher
 * carries {@code -Des.path.conf=<nodeDir>/config}, the server JVM it forks our {@link #serverMarker}, and no other
 * process does. This is how a pid read from a file is checked to still be ours before anything is signalled.
 */
final class NodeProcesses {

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private NodeProcesses() {
    }

    /** A JVM option (no effect on Elasticsearch) that names the node directory on the server JVM's command line. */
    static String serverMarker(Path nodeDir) {
        return "-Dhybridmatch.elasticsearch.node=" + canonical(nodeDir);
    }

    static List<ProcessHandle> of(Path nodeDir) {
        List<String> markers = List.of("-Des.path.conf=" + canonical(nodeDir).resolve("config"), serverMarker(nodeDir));
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments()
                        .map(args -> Arrays.stream(args).anyMatch(markers::contains)).orElse(false))
                .toList();
    }

    private static Path canonical(Path nodeDir) {
        return nodeDir.toAbsolutePath().normalize();
    }

    static boolean isOurs(long pid, Path nodeDir) {
        return of(nodeDir).stream().anyMatch(process -> process.pid() == pid);
    }

    /** SIGTERM (Elasticsearch stops gracefully), then SIGKILL for whatever is left after {@code grace}. */
    static void stop(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        CompletableFuture<?> allExited = CompletableFuture.allOf(
                processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
        try {
            allExited.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException | ExecutionException notAllStopped) {
            // killed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processes.forEach(ProcessHandle::destroyForcibly);
        try {
            allExited.get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException stuck) {
            if (stuck instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Elasticsearch processes " + processes + " survived SIGKILL for " + KILL_TIMEOUT);
        }
    }
}
