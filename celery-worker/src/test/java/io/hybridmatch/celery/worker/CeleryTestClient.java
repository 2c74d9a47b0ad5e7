package io.hybridmatch.celery.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.hybridmatch.celery.OutgoingMessage;
import io.hybridmatch.celery.RedisResults;
import io.hybridmatch.celery.Route;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageEncoder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Django side as the fault tests need it, in Java: sends Celery task messages with publisher confirms (waiting
 * out a broker that is down, as a producer with retries does) and reads results from the Redis backend.
 */
public final class CeleryTestClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PUBLISH_PATIENCE = Duration.ofSeconds(240);

    private final ConnectionFactory rabbit;
    private final String queue;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redis;
    private final TaskMessageEncoder encoder = new TaskMessageEncoder(Clock.systemUTC(), "fault-test@localhost");
    private Connection connection;
    private Channel channel;

    public CeleryTestClient(int rabbitPort, String redisUrl, String queue) {
        this.rabbit = new ConnectionFactory();
        rabbit.setHost("127.0.0.1");
        rabbit.setPort(rabbitPort);
        this.queue = queue;
        this.redisClient = RedisClient.create(redisUrl);
        this.redis = redisClient.connect();
    }

    /** Publishes {@code task(*args)} to the queue and returns its id once the broker confirmed it. */
    public synchronized String send(String task, List<Object> args) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        OutgoingMessage out = encoder.encode(TaskMessage.builder(id, task).args(args).build(), Route.queue(queue));
        long deadline = System.nanoTime() + PUBLISH_PATIENCE.toNanos();
        while (true) {
            try {
                Channel ch = channel();
                ch.basicPublish(out.route().exchange(), out.route().routingKey(), properties(out), out.body());
                ch.waitForConfirmsOrDie(10_000);
                return id;
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
                closeQuietly();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("broker unavailable for " + PUBLISH_PATIENCE, e);
                }
                Thread.sleep(250);
            }
        }
    }

    /** The stored result ({@code status}, {@code result}, ...), if any. */
    public Optional<JsonNode> result(String id) {
        String value = redis.sync().get(RedisResults.key(id));
        return value == null ? Optional.empty() : Optional.of(JSON.readTree(value));
    }

    /** Removes a stored result, to wait for the next one (e.g. of a replayed task). */
    public void forget(String id) {
        redis.sync().del(RedisResults.key(id));
    }

    /** Waits until every task has a final state (SUCCESS, FAILURE, REVOKED) or {@code timeout}; returns what is known. */
    public Map<String, JsonNode> awaitFinal(Collection<String> ids, Duration timeout) throws InterruptedException {
        Map<String, JsonNode> done = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.size() < ids.size() && System.nanoTime() < deadline) {
            for (String id : ids) {
                if (!done.containsKey(id)) {
                    result(id).filter(r -> !List.of("RETRY", "STARTED", "PENDING").contains(r.get("status").asString()))
                            .ifPresent(r -> done.put(id, r));
                }
            }
            if (done.size() < ids.size()) {
                Thread.sleep(200);
            }
        }
        return done;
    }

    private Channel channel() throws IOException, java.util.concurrent.TimeoutException {
        if (channel == null || !channel.isOpen()) {
            connection = rabbit.newConnection("fault-test-producer");
            channel = connection.createChannel();
            channel.confirmSelect();
        }
        return channel;
    }

    private static AMQP.BasicProperties properties(OutgoingMessage out) {
        var p = out.properties();
        return new AMQP.BasicProperties.Builder().contentType(p.contentType()).contentEncoding(p.contentEncoding())
                .correlationId(p.correlationId()).priority(p.priority()).deliveryMode(p.deliveryMode())
                .headers(out.headers()).build();
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.abort();
            }
        } finally {
            connection = null;
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
        redis.close();
        redisClient.shutdown();
    }
}
