package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.RedisChords;
import io.hybridmatch.celery.RedisResults;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code redis://}: {@code SETEX celery-task-meta-<id>} then {@code PUBLISH} on the same key, which wakes a Python
 * client blocked in {@code AsyncResult.get()} (it subscribes to that channel); a stored SUCCESS is left alone, as
 * Celery's {@code _store_result} does, so a redelivered duplicate cannot replace it. Chords are joined natively
 * ({@link RedisChords}). Each step is one Lua script: one round trip, and atomic where two workers race. Results
 * stored with {@link #storeSoon} that arrive while a write is in flight go out together, in one script
 * ({@link WriteBatches}).
 */
public final class RedisResultBackend implements ResultBackend {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** KEYS[1] meta key; ARGV value, ttl. Returns 0 when a SUCCESS was already stored. */
    private static final String STORE = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local ok, meta = pcall(cjson.decode, current)
              if ok and type(meta) == 'table' and meta['status'] == 'SUCCESS' then return 0 end
            end
            redis.call('SETEX', KEYS[1], ARGV[2], ARGV[1])
            redis.call('PUBLISH', KEYS[1], ARGV[1])
            return 1
            """;

    /** As {@link #STORE} for each KEYS[i], with ARGV[2i-1] value and ARGV[2i] ttl. */
    private static final String STORE_ALL = """
            for i, key in ipairs(KEYS) do
              local current = redis.call('GET', key)
              local kept = false
              if current then
                local ok, meta = pcall(cjson.decode, current)
                kept = ok and type(meta) == 'table' and meta['status'] == 'SUCCESS'
              end
              if not kept then
                redis.call('SETEX', key, ARGV[2 * i], ARGV[2 * i - 1])
                redis.call('PUBLISH', key, ARGV[2 * i - 1])
              end
            end
            return #KEYS
            """;

    /** Results per batch: a bound on the script's arguments (in practice, prefetch × consumers are in flight). */
    private static final int MAX_BATCH = 256;

    /** KEYS .j .t .s; ARGV score, member, ttl. Returns {parts, .t, .s}, as redis.py's pipeline reads them. */
    private static final String CHORD_PART = """
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            local parts = redis.call('ZCOUNT', KEYS[1], '-inf', '+inf')
            local extra = redis.call('GET', KEYS[2])
            local size = redis.call('GET', KEYS[3])
            for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
            return {parts, extra or false, size or false}
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisResults results;
    /** Where the waiters of a batch of results run, off Lettuce's event loop. */
    private final ExecutorService waiters = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("celery-results-stored").factory());
    private final WriteBatches<RedisResults.Write> batches = new WriteBatches<>(MAX_BATCH, this::storeAll, waiters);

    public RedisResultBackend(String url, Duration expires, boolean extended) {
        this.client = RedisClient.create(url);
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.results = new RedisResults(expires, extended);
    }

    @Override
    public CompletionStage<Void> storeSoon(TaskMessage request, TaskResult result) {
        return batches.add(results.write(result));
    }

    private CompletionStage<Long> storeAll(List<RedisResults.Write> writes) {
        byte[][] keys = new byte[writes.size()][];
        byte[][] values = new byte[2 * writes.size()][];
        for (int i = 0; i < writes.size(); i++) {
            RedisResults.Write write = writes.get(i);
            keys[i] = bytes(write.key());
            values[2 * i] = write.value();
            values[2 * i + 1] = bytes(Long.toString(write.ttlSeconds()));
        }
        RedisFuture<Long> stored = connection.async().eval(STORE_ALL, ScriptOutputType.INTEGER, keys, values);
        return stored.toCompletableFuture().orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void store(TaskMessage request, TaskResult result) {
        RedisResults.Write write = results.write(result);
        await("result of task " + result.taskId(), connection.async().eval(STORE, ScriptOutputType.INTEGER,
                new byte[][] {bytes(write.key())}, write.value(), bytes(Long.toString(write.ttlSeconds()))));
    }

    @Override
    public void startChord(String groupId, int size) {
        // redis.py set_chord_size goes through set(): SETEX + PUBLISH
        byte[] key = bytes(RedisChords.keys(groupId).size());
        byte[] value = bytes(Integer.toString(size));
        RedisAsyncCommands<byte[], byte[]> redis = connection.async();
        RedisFuture<String> stored = redis.setex(key, results.expires().toSeconds(), value);
        RedisFuture<Long> published = redis.publish(key, value);
        if (!LettuceFutures.awaitAll(TIMEOUT, stored, published)) {
            throw new RedisCommandTimeoutException("chord size of group " + groupId + " not stored within " + TIMEOUT);
        }
    }

    @Override
    public Optional<RedisChords.Join> chordPartReturned(TaskMessage part, TaskResult result) {
        if (part.chord() == null || part.group() == null || part.group().isEmpty()) {
            return Optional.empty();
        }
        RedisChords.Keys keys = RedisChords.keys(part.group());
        byte[][] keyBytes = keys.all().stream().map(RedisResultBackend::bytes).toArray(byte[][]::new);
        List<Object> counts = await("chord part " + part.id(), connection.async().eval(CHORD_PART,
                ScriptOutputType.MULTI, keyBytes, bytes(score(part)), RedisChords.part(result),
                bytes(Long.toString(results.expires().toSeconds()))));
        long parts = (Long) counts.get(0);
        if (!RedisChords.complete(parts, (byte[]) counts.get(2), (byte[]) counts.get(1))) {
            return Optional.empty();
        }
        RedisAsyncCommands<byte[], byte[]> redis = connection.async();
        List<byte[]> members = await("chord " + part.group(), redis.zrange(keyBytes[0], 0, -1));
        await("chord " + part.group(), redis.del(keyBytes));
        return Optional.of(RedisChords.join(members));
    }

    private static String score(TaskMessage part) {
        double score = RedisChords.score(part);
        return Double.isInfinite(score) ? "+inf" : Long.toString((long) score);
    }

    /** The answer, or RedisCommandTimeoutException after {@link #TIMEOUT} (the message goes back to the queue). */
    private static <T> T await(String what, RedisFuture<T> future) {
        try {
            return LettuceFutures.awaitOrCancel(future, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RedisCommandTimeoutException e) {
            throw new RedisCommandTimeoutException(what + ": no answer from Redis within " + TIMEOUT);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        waiters.shutdown();
    }
}
