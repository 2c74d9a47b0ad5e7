package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * The task consumers as remote control changes them at run time, like Celery's pool and consumer: how many run at
 * once ({@code pool_grow}/{@code pool_shrink}, or {@code autoscale} between a min and a max when the worker was started
 * with an autoscale range) and which queues they consume ({@code add_consumer}/{@code cancel_consumer},
 * {@code inspect active_queues}). A queue added at run time is declared as kombu declares the queues of {@code -Q}.
 * Changes to the container (starting consumers, restarting them on a queue change, which waits for their current
 * tasks) are carried out in the background, one after the other, as Celery's consumer does them ({@code call_soon}):
 * remote control answers at once and {@code inspect stats} shows the new concurrency.
 * Thread-safe.
 */
public final class TaskConsumers implements AutoCloseable {

    /** min/max consumers when autoscaling, as Celery's {@code --autoscale=max,min}. */
    public record Autoscale(int max, int min) {
    }

    private final SimpleMessageListenerContainer container;
    private final AmqpAdmin admin;
    private final Map<String, ControlReplies.ConsumedQueue> queues = new LinkedHashMap<>();
    private final ExecutorService containerChanges = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("celery-queue-changes").factory());
    private Autoscale autoscale;
    private int concurrency;
    /** The container's current concurrentConsumers (1 until configured). */
    private int appliedMin = 1;

    /** Configures {@code container} to consume {@code queue} with {@code concurrency} consumers, or autoscaled. */
    public TaskConsumers(SimpleMessageListenerContainer container, AmqpAdmin admin, String queue, int concurrency,
                         Autoscale autoscale) {
        this.container = container;
        this.admin = admin;
        this.queues.put(queue, new ControlReplies.ConsumedQueue(queue, queue, "direct", queue));
        this.concurrency = concurrency;
        this.autoscale = autoscale;
        container.setQueueNames(queue);
        resize(autoscale != null ? autoscale.min() : concurrency, autoscale != null ? autoscale.max() : concurrency);
    }

    /** Celery's {@code --autoscale=max,min} text, or null. */
    public static Autoscale autoscale(String range) {
        if (range == null || range.isBlank()) {
            return null;
        }
        String[] parts = range.split(",");
        int max = Integer.parseInt(parts[0].strip());
        int min = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0;
        if (max < 1 || min < 0 || min > max) {
            throw new IllegalArgumentException("autoscale must be max,min with 0 <= min <= max and max >= 1: " + range);
        }
        return new Autoscale(max, Math.max(min, 1));
    }

    private void apply() {
        int min = autoscale != null ? autoscale.min() : concurrency;
        int max = autoscale != null ? autoscale.max() : concurrency;
        containerChanges.execute(() -> resize(min, max));
    }

    /** The container refuses a max below the current min and a min above the current max: order the two calls. */
    private void resize(int min, int max) {
        if (min < appliedMin) {
            container.setConcurrentConsumers(min);
            container.setMaxConcurrentConsumers(max);
        } else {
            container.setMaxConcurrentConsumers(max);
            container.setConcurrentConsumers(min);
        }
        appliedMin = min;
    }

    public synchronized ControlReplies.Pool pool() {
        int max = autoscale != null ? autoscale.max() : concurrency;
        return new ControlReplies.Pool(max, container.getActiveConsumerCount());
    }

    /** {@code pool_grow n}; refused when autoscaling, as in Celery. */
    public synchronized void grow(int n) {
        refuseWhenAutoscaling("pool_grow");
        concurrency += n;
        apply();
    }

    /** {@code pool_shrink n}: never below one consumer. */
    public synchronized void shrink(int n) {
        refuseWhenAutoscaling("pool_shrink");
        if (concurrency - n < 1) {
            throw ControlCommandError.raised("ValueError", "Can't shrink pool. All processes busy!");
        }
        concurrency -= n;
        apply();
    }

    private void refuseWhenAutoscaling(String command) {
        if (autoscale != null) {
            throw ControlCommandError.refused(command
                    + " is not supported with autoscale. Adjust autoscale range instead.");
        }
    }

    /** {@code autoscale max min} (either may be null: unchanged); returns the range now in force. */
    public synchronized Autoscale autoscale(Integer max, Integer min) {
        if (autoscale == null) {
            throw ControlCommandError.raised("ValueError", "Autoscale not enabled");
        }
        int newMax = max != null ? max : autoscale.max();
        autoscale = new Autoscale(newMax, Math.clamp(min != null ? min : autoscale.min(), 1, newMax));
        apply();
        return autoscale;
    }

    /**
     * {@code add_consumer}: declares the queue (durable, bound to {@code exchange} of {@code exchangeType} with
     * {@code routingKey}, each defaulting to the queue's name and "direct" as in Celery) and consumes it.
     */
    public void add(String queue, String exchange, String exchangeType, String routingKey) {
        ControlReplies.ConsumedQueue consumed = new ControlReplies.ConsumedQueue(queue,
                exchange != null ? exchange : queue, exchangeType != null ? exchangeType : "direct",
                routingKey != null ? routingKey : queue);
        containerChanges.execute(() -> {
            synchronized (this) {
                if (queues.containsKey(queue)) {
                    return;
                }
                admin.declareExchange(new ExchangeBuilder(consumed.exchange(), consumed.exchangeType())
                        .durable(true).build());
                admin.declareQueue(new Queue(queue, true, false, false));
                admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, consumed.exchange(),
                        consumed.routingKey(), null));
                queues.put(queue, consumed);
            }
            container.addQueueNames(queue);
        });
    }

    /** {@code cancel_consumer}: stops consuming the queue (the queue and its messages stay). */
    public void cancel(String queue) {
        containerChanges.execute(() -> {
            synchronized (this) {
                if (queues.remove(queue) == null) {
                    return;
                }
            }
            container.removeQueueNames(queue);
        });
    }

    public synchronized List<ControlReplies.ConsumedQueue> queues() {
        return new ArrayList<>(queues.values());
    }

    @Override
    public void close() {
        containerChanges.shutdownNow();
    }
}
