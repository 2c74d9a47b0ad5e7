package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.TaskMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

/** On the real broker: what the client has been delivered and no consumer has taken, and when it is forgotten. */
class PrefetchedTasksIT {

    private final PrefetchedTasks prefetched = new PrefetchedTasks(new TaskMessageDecoder(),
            new DefaultMessagePropertiesConverter(), 42);
    private final String queue = "prefetched-it-" + UUID.randomUUID();
    private final CountDownLatch release = new CountDownLatch(1);
    private Connection connection;
    private Channel publisher;

    @BeforeEach
    void connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(5672);
        factory.setTrafficListener(prefetched);
        connection = factory.newConnection();
        publisher = connection.createChannel();
        publisher.queueDeclare(queue, false, false, true, null);
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        connection.close();
    }

    @Test
    void tasksWaitingBehindARunningOneAreListedUntilTakenAndNotOnceTheirChannelCloses() throws Exception {
        List<String> ids = List.of(task(), task(), task());
        publisher.basicPublish("", queue, new AMQP.BasicProperties.Builder().build(), "not a task".getBytes(
                StandardCharsets.UTF_8));
        Channel consuming = connection.createChannel();
        consuming.basicQos(4);
        consuming.basicConsume(queue, false, new DefaultConsumer(consuming) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws java.io.IOException {
                prefetched.taken(tag, envelope.getDeliveryTag(), consuming);
                try {
                    release.await(); // the first task runs until the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        assertThat(eventually(() -> ids(prefetched.list()), 2)).containsExactlyInAnyOrderElementsOf(ids.subList(1, 3));
        ControlReplies.ActiveTask listed = prefetched.list().getFirst();
        assertThat(listed.started()).isNull();
        assertThat(listed.deliveredTo().routingKey()).isEqualTo(queue);

        consuming.abort(); // the broker gives them to the next consumer: no longer here
        assertThat(prefetched.list()).isEmpty();
    }

    @Test
    void aCancelledConsumersTasksAreForgotten() throws Exception {
        task();
        task();
        Channel consuming = connection.createChannel();
        consuming.basicQos(2);
        String tag = consuming.basicConsume(queue, false, new DefaultConsumer(consuming));

        assertThat(eventually(() -> ids(prefetched.list()), 2)).hasSize(2);
        consuming.basicCancel(tag);
        assertThat(prefetched.list()).isEmpty();
    }

    private String task() throws Exception {
        String id = UUID.randomUUID().toString();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .contentEncoding("utf-8").headers(Map.of("lang", "py", "task", "tests.add", "id", id)).build();
        publisher.basicPublish("", queue, properties, "[[1, 2], {}, {}]".getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private static List<String> ids(List<ControlReplies.ActiveTask> tasks) {
        return tasks.stream().map(task -> task.message().id()).toList();
    }

    private static List<String> eventually(Supplier<List<String>> ids, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> seen = ids.get();
        while (seen.size() != size && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = ids.get();
        }
        return seen;
    }
}
