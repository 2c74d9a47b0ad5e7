package io.hybridmatch.elasticsearch.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The run script's handle on its supervised node ({@link SupervisedElasticsearch}):
 * <pre>
 * java -cp elasticsearch-local.jar io.hybridmatch.elasticsearch.local.LocalElasticsearchMain start \
 *      --port 9200 --data DIR [--heap 512m] [--timeout-seconds 120] [--reuse-timeout-seconds 30]
 * java -cp elasticsearch-local.jar io.hybridmatch.elasticsearch.local.LocalElasticsearchMain stop --data DIR
 * </pre>
 * {@code start} returns once a healthy node runs for DIR (the one already running, or a new one that keeps
 * running after this command exits) and prints {@code READY <url> ...}. {@code stop} stops it. Exit code 1 if
 * the node could not be started or stopped, 2 on bad arguments.
 */
public final class LocalElasticsearchMain {

    private static final String USAGE = "usage: LocalElasticsearchMain start --port 9200 --data DIR [--heap 512m]"
            + " [--timeout-seconds 120] [--reuse-timeout-seconds 30]\n       LocalElasticsearchMain stop --data DIR";

    private LocalElasticsearchMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !(args[0].equals("start") || args[0].equals("stop"))) {
            usage("first argument: start or stop");
        }
        int port = 9200;
        Path data = null;
        String heap = LocalElasticsearchOptions.DEFAULT_HEAP;
        Duration timeout = LocalElasticsearchOptions.DEFAULT_START_TIMEOUT;
        Duration reuseTimeout = Duration.ofSeconds(30);
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--data" -> data = Path.of(required(args[i], value)).toAbsolutePath().normalize();
                case "--heap" -> heap = required(args[i], value);
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(Long.parseLong(required(args[i], value)));
                case "--reuse-timeout-seconds" -> reuseTimeout = Duration.ofSeconds(Long.parseLong(required(args[i], value)));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (data == null) {
            usage("--data DIR is required (the node keeps its indexes there)");
        }
        try {
            if (args[0].equals("stop")) {
                System.out.println(SupervisedElasticsearch.stop(data) ? "STOPPED node of " + data : "NOT RUNNING " + data);
            } else {
                long started = System.nanoTime();
                SupervisedElasticsearch.Node node = SupervisedElasticsearch.ensure(
                        LocalElasticsearchOptions.persistent(port, data).withHeap(heap).withStartTimeout(timeout),
                        reuseTimeout);
                System.out.printf("READY %s (%s, pid %d, after %.1f s, data in %s)%n", node.url(),
                        node.reused() ? "running node reused" : "new node; before: " + node.replaced(),
                        node.pid(), (System.nanoTime() - started) / 1e9, data);
            }
        } catch (Exception e) {
            System.err.println("Elasticsearch " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String required(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
