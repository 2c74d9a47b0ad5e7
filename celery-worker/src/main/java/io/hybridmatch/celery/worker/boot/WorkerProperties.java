package io.hybridmatch.celery.worker.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's Celery settings, under {@code hybridmatch.worker.*}; names follow Celery's where one exists.
 *
 * @param queue             the task queues, comma-separated like Celery's {@code -Q a,b} (Django routes the tasks
 *                          there with {@code task_routes}); each gets its own {@code <queue>.dead-letter} queue
 * @param hostname          node name in events and remote control ({@code celery -A proj inspect ping} shows it)
 * @param concurrency       tasks run at once
 * @param autoscale         Celery's {@code --autoscale=max,min}: consumers added under load up to max, down to min
 *                          (at least 1) when idle; unset = fixed {@code concurrency}
 * @param prefetch          unacknowledged messages per consumer (Celery's prefetch multiplier × concurrency)
 * @param directListener    run the tasks on the RabbitMQ client's dispatch threads (Spring AMQP's direct listener
 *                          container, one thread hand-off fewer a message); {@code false}, or an {@code autoscale}
 *                          range, runs them on consumer threads of Spring AMQP's simple container
 * @param resultBackend     {@code rpc://}, {@code redis://host:port/db} or {@code django-db} (django-celery-results):
 *                          where Django's {@code AsyncResult} reads
 * @param resultExpires     Redis result TTL (Celery's {@code result_expires})
 * @param resultExtended    Celery's {@code result_extended}: name, args, kwargs, worker, retries, queue in the meta
 * @param resultCompression Celery's {@code result_compression} (gzip/zlib, bzip2, lzma): Celery 5.2 compresses the
 *                          task messages it publishes with it, so this worker compresses its follow-ups likewise
 * @param trackStarted      Celery's {@code task_track_started}: store STARTED before a task runs (a handler may
 *                          decide for itself)
 * @param defaultQueue      Celery's {@code task_default_queue}: where follow-ups to tasks this worker does not run go
 *                          when no route names them
 * @param taskRoutes        Celery's {@code task_routes} for follow-ups: task name or glob ({@code djangoapp.*}) →
 *                          queue, in order
 * @param queueArguments    arguments the task queues are declared with, as the producer declares them
 *                          ({@code x-max-priority: 10}, {@code x-queue-type: quorum}); a mismatch is a
 *                          PreconditionFailed for whoever declares second
 * @param sendEvents        task events on {@code celeryev} (Celery's {@code -E}); worker events are always sent
 * @param heartbeat         worker-heartbeat period
 * @param mingle            sync revoked ids and clock with the running workers at start (Celery's mingle;
 *                          {@code false} is {@code --without-mingle})
 * @param maxBodyBytes      larger bodies (compressed or not) are dead-lettered unparsed
 * @param maxRetries        Celery's default {@code max_retries} when a task does not set one
 * @param defaultRetryDelay Celery's default {@code default_retry_delay}
 * @param shutdownTimeout   how long in-flight tasks may finish on shutdown
 * @param djangoDb          Django's database, for {@code django-db}
 */
@ConfigurationProperties("hybridmatch.worker")
public record WorkerProperties(
        @DefaultValue("hybridmatch") String queue,
        String hostname,
        @DefaultValue("4") int concurrency,
        String autoscale,
        @DefaultValue("4") int prefetch,
        @DefaultValue("true") boolean directListener,
        @DefaultValue("rpc://") String resultBackend,
        @DefaultValue("1d") Duration resultExpires,
        @DefaultValue("false") boolean resultExtended,
        String resultCompression,
        @DefaultValue("false") boolean trackStarted,
        @DefaultValue("celery") String defaultQueue,
        Map<String, String> taskRoutes,
        Map<String, String> queueArguments,
        @DefaultValue("false") boolean sendEvents,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("true") boolean mingle,
        @DefaultValue("10485760") int maxBodyBytes,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("180s") Duration defaultRetryDelay,
        @DefaultValue("60s") Duration shutdownTimeout,
        DjangoDb djangoDb) {

    public static final String DJANGO_DB = "django-db";

    /**
     * The database of the Django project that reads the results.
     *
     * @param url      JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/recruiting}
     * @param username database user
     * @param password its password
     */
    public record DjangoDb(String url, String username, String password) {
    }

    public WorkerProperties {
        if (!resultBackend.equals("rpc://") && !redisBackend(resultBackend) && !resultBackend.equals(DJANGO_DB)) {
            throw new IllegalArgumentException("hybridmatch.worker.result-backend must be rpc://, redis://host:port/db"
                    + " or django-db, not " + resultBackend);
        }
        if (resultBackend.equals(DJANGO_DB) && (djangoDb == null || djangoDb.url() == null)) {
            throw new IllegalArgumentException("hybridmatch.worker.result-backend=django-db needs"
                    + " hybridmatch.worker.django-db.url (the JDBC URL of the Django project's database)");
        }
        if (queues(queue).isEmpty()) {
            throw new IllegalArgumentException("hybridmatch.worker.queue names no queue: '" + queue + "'");
        }
        taskRoutes = taskRoutes == null ? Map.of() : new LinkedHashMap<>(taskRoutes);
        queueArguments = queueArguments == null ? Map.of() : new LinkedHashMap<>(queueArguments);
    }

    /** The worker's node name: {@code hostname}, else {@code java@} and this machine's name (Celery's default shape). */
    public String nodeName() {
        return nodeName(hostname);
    }

    static String nodeName(String hostname) {
        if (hostname != null) {
            return hostname;
        }
        try {
            return "java@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "java@localhost";
        }
    }

    private static boolean redisBackend(String resultBackend) {
        return resultBackend.startsWith("redis://") || resultBackend.startsWith("rediss://");
    }

    private static List<String> queues(String queue) {
        return Arrays.stream(queue.split(",")).map(String::strip).filter(q -> !q.isEmpty()).toList();
    }

    public boolean redisBackend() {
        return redisBackend(resultBackend);
    }

    /** The queues consumed, in order; tasks of this worker sent as follow-ups go to the first. */
    public List<String> queues() {
        return queues(queue);
    }

    /** The queue arguments as RabbitMQ compares them: integers as numbers (kombu sends x-max-priority as int). */
    public Map<String, Object> declaredQueueArguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        queueArguments.forEach((name, value) -> arguments.put(name, value.matches("-?\\d{1,9}") ? Integer.valueOf(value) : value));
        return arguments;
    }
}
