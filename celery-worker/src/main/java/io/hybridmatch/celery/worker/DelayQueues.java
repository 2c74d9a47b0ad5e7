package io.hybridmatch.celery.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;

/**
 * Holds tasks with a future eta (countdown, retries) in RabbitMQ rather than in the worker: a ladder of queues
 * with a fixed TTL each ({@code <queue>.delay.<ms>}) that dead-letter back into the task queue. A task waits in the
 * longest step shorter than its remaining time and comes back for the next step until due, so the wait survives a
 * worker restart, costs no prefetch slot and never blocks a consumer. One TTL per queue keeps each queue in expiry
 * order (RabbitMQ only expires messages at a queue's head).
 */
public final class DelayQueues {

    private static final long[] STEPS_MS = {250, 1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000};

    private final ConfirmedPublisher publisher;
    private final List<String> taskQueues;

    /** @param taskQueues each task queue gets its own ladder, dead-lettering back into it */
    public DelayQueues(ConfirmedPublisher publisher, List<String> taskQueues) {
        this.publisher = publisher;
        this.taskQueues = List.copyOf(taskQueues);
    }

    public List<Declarable> declarables() {
        List<Declarable> queues = new ArrayList<>();
        for (String taskQueue : taskQueues) {
            for (long step : STEPS_MS) {
                queues.add(new Queue(name(taskQueue, step), true, false, false, Map.of(
                        "x-message-ttl", step,
                        "x-dead-letter-exchange", "",
                        "x-dead-letter-routing-key", taskQueue)));
            }
        }
        return queues;
    }

    /** True when the task was parked (its message may be acknowledged); false when it is due within one step. */
    public boolean park(Message message, Duration remaining) {
        long step = 0;
        for (long candidate : STEPS_MS) {
            if (candidate <= remaining.toMillis()) {
                step = candidate;
            }
        }
        if (step == 0) {
            return false;
        }
        // a queue added by add_consumer has no ladder of its own: its tasks wait in the first queue's
        String consumed = message.getMessageProperties().getConsumerQueue();
        publisher.publish("", name(taskQueues.contains(consumed) ? consumed : taskQueues.getFirst(), step),
                AmqpMessages.republishable(message, Map.of()));
        return true;
    }

    /**
     * Whether a delivery is a parked task coming back from a step (RabbitMQ's {@code x-death} header): it was
     * announced when it first arrived.
     */
    public static boolean returned(MessageProperties properties) {
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        return deaths != null && !deaths.isEmpty();
    }

    private static String name(String taskQueue, long stepMs) {
        return taskQueue + ".delay." + stepMs;
    }
}
