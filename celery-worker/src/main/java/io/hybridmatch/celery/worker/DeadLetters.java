package io.hybridmatch.celery.worker;

import java.util.Map;
import org.springframework.amqp.core.Message;

/**
 * Messages that can never run (pickle, malformed JSON, unknown task, wrong arguments, oversized, zip bombs) go to a
 * durable dead-letter queue as they arrived, with why in headers: {@code <queue>.dead-letter} for the task queue they
 * came from. Published by the worker rather than through a queue argument, because Celery declares the task queue
 * itself and a queue argument it does not know would make its declaration fail.
 */
public final class DeadLetters {

    public static final String REASON = "x-hybridmatch-rejected-reason";
    public static final String DETAIL = "x-hybridmatch-rejected-detail";
    public static final String FROM_QUEUE = "x-hybridmatch-rejected-from";

    private final ConfirmedPublisher publisher;

    public DeadLetters(ConfirmedPublisher publisher) {
        this.publisher = publisher;
    }

    /** The dead-letter queue of a task queue. */
    public static String queueFor(String taskQueue) {
        return taskQueue + ".dead-letter";
    }

    /** Dead-letters the message to the queue of the task queue it was consumed from; returns that queue. */
    public String send(Message message, String reason, String detail) {
        String consumedFrom = message.getMessageProperties().getConsumerQueue();
        String queue = queueFor(consumedFrom);
        publisher.publish("", queue, AmqpMessages.republishable(message, Map.of(
                REASON, reason,
                DETAIL, detail.length() > 2_000 ? detail.substring(0, 2_000) + "…" : detail,
                FROM_QUEUE, consumedFrom)));
        return queue;
    }
}
