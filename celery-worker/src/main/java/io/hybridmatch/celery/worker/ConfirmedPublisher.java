package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.OutgoingMessage;
import java.time.Duration;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes and waits for the broker's confirm, so that a message the worker acknowledges afterwards is never the
 * only copy of its work (a retry, a callback, a delayed task, a dead letter, an rpc result).
 */
public final class ConfirmedPublisher {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final RabbitTemplate template;

    public ConfirmedPublisher(RabbitTemplate template) {
        this.template = template;
    }

    public void publish(OutgoingMessage message) {
        publish(message.route().exchange(), message.route().routingKey(), AmqpMessages.toMessage(message));
    }

    public void publish(String exchange, String routingKey, Message message) {
        template.invoke(operations -> {
            operations.send(exchange, routingKey, message);
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            return null;
        });
    }

    /** Fire and forget, for what Celery itself sends transient (events, remote-control replies). */
    public void publishUnconfirmed(OutgoingMessage message) {
        template.send(message.route().exchange(), message.route().routingKey(), AmqpMessages.toMessage(message));
    }
}
