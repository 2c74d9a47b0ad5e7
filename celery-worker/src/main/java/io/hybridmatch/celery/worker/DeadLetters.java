package io.hybridmatch.celery.worker;

import java.util.Map;
import org.springframework.amqp.core.Message;

/**
 * Messages that can never run (pickle, malformed JSON, unknown task, wrong arguments, oversized) go to a durable
 * dead-letter queue as they arrived, with why in headers. Published by the worker rather than through a queue
 * argument, because Celery declares the task queue itself and a queue argument it does not know would make its
 * declaration fail.
 */
public final class DeadLetters {

    public static final String REASON = "x-hybridmatch-rejected-reason";
    public static final String DETAIL = "x-hybridmatch-rejected-detail";
    public static final String FROM_QUEUE = "x-hybridmatch-rejected-from";

    private final ConfirmedPublisher publisher;
    private final String queue;

    public DeadLetters(ConfirmedPublisher publisher, String queue) {
        this.publisher = publisher;
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }

    public void send(Message message, String reason, String detail) {
        String consumedFrom = message.getMessageProperties().getConsumerQueue();
        publisher.publish("", queue, AmqpMessages.republishable(message, Map.of(
                REASON, reason,
                DETAIL, detail.length() > 2_000 ? detail.substring(0, 2_000) + "…" : detail,
                FROM_QUEUE, consumedFrom == null ? "" : consumedFrom)));
    }
}
