package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.RedisResults;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code redis://}: {@code SETEX celery-task-meta-<id>} then {@code PUBLISH} on the same key, which wakes a Python
 * client blocked in {@code AsyncResult.get()} (it subscribes to that channel).
 */
public final class RedisResultBackend implements ResultBackend {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisResults results;

    public RedisResultBackend(String url, Duration expires) {
        this.client = RedisClient.create(url);
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.results = new RedisResults(expires);
    }

    @Override
    public void store(TaskMessage request, TaskResult result) {
        RedisResults.Write write = results.write(result);
        byte[] key = write.key().getBytes(StandardCharsets.UTF_8);
        // both commands in one round trip, as Celery's own backend pipelines them
        RedisAsyncCommands<byte[], byte[]> redis = connection.async();
        RedisFuture<String> stored = redis.setex(key, write.ttlSeconds(), write.value());
        RedisFuture<Long> published = redis.publish(key, write.value());
        if (!LettuceFutures.awaitAll(TIMEOUT, stored, published)) {
            throw new RedisCommandTimeoutException("result of task " + result.taskId() + " not stored within " + TIMEOUT);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
