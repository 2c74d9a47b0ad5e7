package io.hybridmatch.elasticsearch.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a persistent local node in the foreground, for the project's run script:
 * <pre>
 * java -cp elasticsearch-local.jar io.hybridmatch.elasticsearch.local.LocalElasticsearchMain \
 *      --port 9200 --data DIR [--heap 512m] [--timeout-seconds 120]
 * </pre>
 * Prints {@code READY <url>} once the cluster is healthy and keeps running until the node exits or
 * this process is stopped (SIGTERM/Ctrl-C stop the node). Exit code 1 if the node could not start.
 */
public final class LocalElasticsearchMain {

    private LocalElasticsearchMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 9200;
        Path data = null;
        String heap = LocalElasticsearchOptions.DEFAULT_HEAP;
        Duration timeout = LocalElasticsearchOptions.DEFAULT_START_TIMEOUT;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--data" -> data = Path.of(required(args[i], value));
                case "--heap" -> heap = required(args[i], value);
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(Long.parseLong(required(args[i], value)));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (data == null) {
            usage("--data DIR is required (the node keeps its indexes there)");
        }
        LocalElasticsearchOptions options = LocalElasticsearchOptions.persistent(port, data)
                .withHeap(heap)
                .withStartTimeout(timeout);
        long started = System.nanoTime();
        LocalElasticsearch node;
        try {
            node = LocalElasticsearch.start(options);
        } catch (Exception e) {
            System.err.println("Elasticsearch did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf("READY %s (healthy after %.1f s, data in %s)%n",
                node.url(), (System.nanoTime() - started) / 1e9, data.toAbsolutePath());
        System.out.flush();
        System.exit(node.awaitExit());
    }

    private static String required(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: LocalElasticsearchMain --port 9200 --data DIR [--heap 512m] [--timeout-seconds 120]");
        System.exit(2);
    }
}
