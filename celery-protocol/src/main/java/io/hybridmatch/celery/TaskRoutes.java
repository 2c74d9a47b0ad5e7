package io.hybridmatch.celery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a worker publishes a task it did not receive (callbacks, chain steps, chord bodies), decided as Celery's
 * router does (celery/app/routes.py {@code Router.route}, {@code MapRoute}): the signature's own {@code queue} (or
 * {@code exchange} + {@code routing_key}) first, then {@code task_routes} (exact names, then glob patterns in their
 * order: a key with {@code *} matches like {@code fnmatch}), then — what a Java worker knows and Celery's app would
 * have to be told — tasks registered on this worker go to this worker's queue, and anything else to
 * {@code task_default_queue}.
 */
public final class TaskRoutes {

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<Pattern, String> patterns = new LinkedHashMap<>();
    private final Set<String> localTasks;
    private final String localQueue;
    private final String defaultQueue;

    /**
     * @param taskRoutes   task name or glob → queue, in Celery's {@code task_routes} order
     * @param localTasks   the tasks this worker runs
     * @param localQueue   this worker's queue, for those tasks
     * @param defaultQueue Celery's {@code task_default_queue} ({@link Route#DEFAULT_QUEUE} unless changed)
     */
    public TaskRoutes(Map<String, String> taskRoutes, Set<String> localTasks, String localQueue, String defaultQueue) {
        taskRoutes.forEach((key, queue) -> {
            if (key.contains("*")) {
                patterns.put(glob(key), queue);
            } else {
                exact.put(key, queue);
            }
        });
        this.localTasks = Set.copyOf(localTasks);
        this.localQueue = localQueue;
        this.defaultQueue = defaultQueue;
    }

    /** Everything to the default queue (Celery's behaviour without task_routes). */
    public static TaskRoutes defaultQueue(String queue) {
        return new TaskRoutes(Map.of(), Set.of(), queue, queue);
    }

    public Route route(String task, Map<String, Object> options) throws RejectedMessageException {
        Fields o = new Fields(options, "option");
        String queue = o.string("queue");
        String exchange = o.string("exchange");
        String routingKey = o.string("routing_key");
        if (queue != null) {
            return Route.queue(queue);
        }
        if (exchange != null && routingKey != null) {
            return new Route(exchange, routingKey);
        }
        return Route.queue(queueFor(task));
    }

    String queueFor(String task) {
        String routed = exact.get(task);
        if (routed != null) {
            return routed;
        }
        for (Map.Entry<Pattern, String> p : patterns.entrySet()) {
            if (p.getKey().matcher(task).matches()) {
                return p.getValue();
            }
        }
        return localTasks.contains(task) ? localQueue : defaultQueue;
    }

    /** fnmatch.translate for {@code *} and {@code ?}; everything else literal. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
