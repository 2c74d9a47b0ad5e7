package io.hybridmatch.celery.worker.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's Celery settings, under {@code hybridmatch.worker.*}; names follow Celery's where one exists.
 *
 * @param queue            the task queue (Django routes the tasks here with {@code task_routes})
 * @param hostname         node name in events and remote control ({@code celery -A proj inspect ping} shows it)
 * @param concurrency      tasks run at once
 * @param autoscale        Celery's {@code --autoscale=max,min}: consumers added under load up to max, down to min
 *                         (at least 1) when idle; unset = fixed {@code concurrency}
 * @param prefetch         unacknowledged messages per consumer (Celery's prefetch multiplier × concurrency)
 * @param resultBackend    {@code rpc://}, {@code redis://host:port/db} or {@code django-db} (django-celery-results):
 *                         where Django's {@code AsyncResult} reads
 * @param resultExpires    Redis result TTL (Celery's {@code result_expires})
 * @param sendEvents       task events on {@code celeryev} (Celery's {@code -E}); worker events are always sent
 * @param heartbeat        worker-heartbeat period
 * @param mingle           sync revoked ids and clock with the running workers at start (Celery's mingle;
 *                         {@code false} is {@code --without-mingle})
 * @param deadLetterQueue  where messages that cannot run go, with the reason in headers
 * @param maxBodyBytes     larger bodies are dead-lettered unparsed
 * @param maxRetries       Celery's default {@code max_retries} when a task does not set one
 * @param defaultRetryDelay Celery's default {@code default_retry_delay}
 * @param shutdownTimeout  how long in-flight tasks may finish on shutdown
 * @param djangoDb         Django's database, for {@code django-db}
 */
@ConfigurationProperties("hybridmatch.worker")
public record WorkerProperties(
        @DefaultValue("hybridmatch") String queue,
        String hostname,
        @DefaultValue("4") int concurrency,
        String autoscale,
        @DefaultValue("4") int prefetch,
        @DefaultValue("rpc://") String resultBackend,
        @DefaultValue("1d") Duration resultExpires,
        @DefaultValue("false") boolean sendEvents,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("true") boolean mingle,
        @DefaultValue("hybridmatch.dead-letter") String deadLetterQueue,
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
    }

    private static boolean redisBackend(String resultBackend) {
        return resultBackend.startsWith("redis://") || resultBackend.startsWith("rediss://");
    }

    public boolean redisBackend() {
        return redisBackend(resultBackend);
    }
}
