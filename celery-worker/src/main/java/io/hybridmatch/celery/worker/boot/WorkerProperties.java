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
 * @param prefetch         unacknowledged messages per consumer (Celery's prefetch multiplier × concurrency)
 * @param resultBackend    {@code rpc://} or {@code redis://host:port/db}: where Django's {@code AsyncResult} reads
 * @param resultExpires    Redis result TTL (Celery's {@code result_expires})
 * @param sendEvents       task and worker events on {@code celeryev} (Celery's {@code -E})
 * @param heartbeat        worker-heartbeat period when events are on
 * @param deadLetterQueue  where messages that cannot run go, with the reason in headers
 * @param maxBodyBytes     larger bodies are dead-lettered unparsed
 * @param maxRetries       Celery's default {@code max_retries} when a task does not set one
 * @param defaultRetryDelay Celery's default {@code default_retry_delay}
 * @param shutdownTimeout  how long in-flight tasks may finish on shutdown
 */
@ConfigurationProperties("hybridmatch.worker")
public record WorkerProperties(
        @DefaultValue("hybridmatch") String queue,
        String hostname,
        @DefaultValue("4") int concurrency,
        @DefaultValue("4") int prefetch,
        @DefaultValue("rpc://") String resultBackend,
        @DefaultValue("1d") Duration resultExpires,
        @DefaultValue("false") boolean sendEvents,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("hybridmatch.dead-letter") String deadLetterQueue,
        @DefaultValue("10485760") int maxBodyBytes,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("180s") Duration defaultRetryDelay,
        @DefaultValue("60s") Duration shutdownTimeout) {

    public WorkerProperties {
        if (!resultBackend.equals("rpc://") && !redisBackend(resultBackend)) {
            throw new IllegalArgumentException("hybridmatch.worker.result-backend must be rpc:// or redis://host:port/db, not "
                    + resultBackend);
        }
    }

    private static boolean redisBackend(String resultBackend) {
        return resultBackend.startsWith("redis://") || resultBackend.startsWith("rediss://");
    }

    public boolean redisBackend() {
        return redisBackend(resultBackend);
    }
}
