package io.hybridmatch.celery.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Command;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.TrafficListener;
import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.Route;
import io.hybridmatch.celery.TaskMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * Task messages the broker has delivered to this worker that no consumer has taken yet: Celery's reserved requests
 * (prefetched, waiting for a free pool slot), for {@code inspect reserved}. They sit in the AMQP client's
 * per-channel queue until the consumer ahead of them is done, where no listener sees them; the client's traffic
 * listener sees each {@code basic.deliver} as it is read, so they are noted there and forgotten when a consumer takes
 * them, when their consumer is cancelled, when their channel is found closed (the broker gives them to another
 * consumer) or when the connection closes. Decoded only when listed.
 */
public final class PrefetchedTasks implements TrafficListener {

    private record Key(String consumerTag, long deliveryTag) {
    }

    private record Delivery(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    }

    private final Map<Key, Delivery> waiting = new ConcurrentHashMap<>();
    private final Map<String, Channel> channelOf = new ConcurrentHashMap<>();
    private final TaskMessageDecoder decoder;
    private final MessagePropertiesConverter converter;
    private final long workerPid;

    public PrefetchedTasks(TaskMessageDecoder decoder, MessagePropertiesConverter converter, long workerPid) {
        this.decoder = decoder;
        this.converter = converter;
        this.workerPid = workerPid;
    }

    @Override
    public void read(Command command) {
        switch (command.getMethod()) {
            case AMQP.Basic.Deliver deliver when isTask(command.getContentHeader()) -> waiting.put(
                    new Key(deliver.getConsumerTag(), deliver.getDeliveryTag()),
                    new Delivery(new Envelope(deliver.getDeliveryTag(), deliver.getRedelivered(), deliver.getExchange(),
                            deliver.getRoutingKey()), (AMQP.BasicProperties) command.getContentHeader(),
                            command.getContentBody()));
            case AMQP.Basic.Cancel cancel -> forget(cancel.getConsumerTag());
            case AMQP.Connection.Close _ -> clear();
            default -> {
            }
        }
    }

    @Override
    public void write(Command command) {
        switch (command.getMethod()) {
            case AMQP.Basic.Cancel cancel -> forget(cancel.getConsumerTag());
            case AMQP.Connection.Close _ -> clear();
            default -> {
            }
        }
    }

    /** A consumer takes the delivery: it is no longer waiting. */
    void taken(String consumerTag, long deliveryTag, Channel channel) {
        waiting.remove(new Key(consumerTag, deliveryTag));
        if (channelOf.putIfAbsent(consumerTag, channel) == null) {
            forgetClosedChannels(); // a new consumer, often one replacing a lost one: the lost ones' go
        }
    }

    /** The waiting task messages, as Celery lists its reserved requests (one that does not decode is left out). */
    public List<ControlReplies.ActiveTask> list() {
        forgetClosedChannels();
        List<ControlReplies.ActiveTask> tasks = new ArrayList<>();
        waiting.values().forEach(delivery -> {
            MessageProperties properties = converter.toMessageProperties(delivery.properties(), delivery.envelope(),
                    StandardCharsets.UTF_8.name());
            try {
                tasks.add(new ControlReplies.ActiveTask(decoder.decode(AmqpMessages.properties(properties),
                        AmqpMessages.headers(properties), delivery.body()),
                        new Route(delivery.envelope().getExchange(), delivery.envelope().getRoutingKey()),
                        delivery.envelope().isRedeliver(), null, false, workerPid));
            } catch (RejectedMessageException e) {
                // dead-lettered with its reason when a consumer takes it; not a request Celery would list
            }
        });
        return tasks;
    }

    /** A closed channel's deliveries are the broker's again (it gives them to another consumer). */
    private void forgetClosedChannels() {
        channelOf.entrySet().removeIf(entry -> {
            boolean closed = !entry.getValue().isOpen();
            if (closed) {
                waiting.keySet().removeIf(key -> key.consumerTag().equals(entry.getKey()));
            }
            return closed;
        });
    }

    private void forget(String consumerTag) {
        waiting.keySet().removeIf(key -> key.consumerTag().equals(consumerTag));
        channelOf.remove(consumerTag);
    }

    private void clear() {
        waiting.clear();
        channelOf.clear();
    }

    /** A Celery v2 task message names its task and id in headers (control messages and replies do not). */
    private static boolean isTask(Object header) {
        return header instanceof AMQP.BasicProperties properties && properties.getHeaders() != null
                && properties.getHeaders().containsKey("task") && properties.getHeaders().containsKey("id");
    }
}
