package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.KombuQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * The task consumers as remote control changes them at run time, like Celery's pool and consumer: how many run at
 * once ({@code pool_grow}/{@code pool_shrink}, or {@code autoscale} between a min and a max when the worker was started
 * with an autoscale range) and which queues they consume ({@code add_consumer}/{@code cancel_consumer},
 * {@code inspect active_queues}). A queue added at run time is declared as kombu declares the queues of {@code -Q} and
 * gets a listener container of its own with the same concurrency (changing the queues of a running container would
 * restart all its consumers). Container changes are carried out in the background, one after the other, as Celery's
 * consumer does them ({@code call_soon}): remote control answers at once. On shutdown it stops first (the containers
 * depend on nothing that would stop it later): the results still on their way are stored and acknowledged before
 * the containers close their channels ({@link TaskConsumer#finishInFlight}). Thread-safe.
 *
 * <p>The containers are Spring AMQP's direct ones (the listener on the RabbitMQ client's dispatch thread, see
 * the worker's {@code ConsumerDispatchThreads}) with a fixed number of consumers per queue, which {@code pool_grow} and
 * {@code pool_shrink} change; or, when autoscaling, simple ones (a thread per consumer), whose consumers come and go
 * between a min and a max with the load, as Celery's autoscaler adds and removes pool processes: the direct container
 * has no such scaling of its own.
 */
public final class TaskConsumers implements AutoCloseable, SmartLifecycle {

    /** min/max consumers when autoscaling, as Celery's {@code --autoscale=max,min}. */
    public record Autoscale(int max, int min) {
    }

    private record Consumed(KombuQueue queue, AbstractMessageListenerContainer container) {
    }

    private static final Logger log = LoggerFactory.getLogger(TaskConsumers.class);
    /**
     * A priority queue's consumers prefetch one message each: each consumer here prefetches for itself, so with more
     * a low-priority task prefetched by a second consumer runs before the higher ones the first holds (Celery's single
     * consumer hands its prefetched batch out in priority order; its docs advise a prefetch multiplier of 1 for
     * priorities anyway).
     */
    public static final String PRIORITY = "x-max-priority";

    private final AbstractMessageListenerContainer main;
    private final TaskConsumer consumer;
    private final Duration shutdownTimeout;
    private volatile boolean running;
    private final Supplier<AbstractMessageListenerContainer> newContainer;
    private final AmqpAdmin admin;
    private final Map<String, Consumed> consumed = new LinkedHashMap<>();
    private final ExecutorService containerChanges = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("celery-consumer-changes").factory());
    private Autoscale autoscale;
    private int concurrency;

    /**
     * Configures {@code main} to consume the worker's {@code queues} ({@code -Q a,b}) with {@code concurrency}
     * consumers, or autoscaled (a simple container, then); {@code newContainer} makes a container like it (not started)
     * for a queue added later; {@code consumer} is their listener, given {@code shutdownTimeout} to finish the results
     * in flight.
     */
    public TaskConsumers(AbstractMessageListenerContainer main, Supplier<AbstractMessageListenerContainer> newContainer,
                         TaskConsumer consumer, Duration shutdownTimeout, AmqpAdmin admin, List<String> queues,
                         int concurrency, Autoscale autoscale) {
        if (autoscale != null && !(main instanceof SimpleMessageListenerContainer)) {
            throw new IllegalArgumentException("autoscaling needs the simple listener container");
        }
        this.main = main;
        this.consumer = consumer;
        this.shutdownTimeout = shutdownTimeout;
        this.newContainer = newContainer;
        this.admin = admin;
        this.concurrency = concurrency;
        this.autoscale = autoscale;
        main.setQueueNames(queues.toArray(String[]::new));
        resize(main, 1, min(), max());
        for (String queue : queues) {
            consumed.put(queue, new Consumed(KombuQueue.direct(queue), main));
        }
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

    private int min() {
        return autoscale != null ? autoscale.min() : concurrency;
    }

    private int max() {
        return autoscale != null ? autoscale.max() : concurrency;
    }

    /**
     * A direct container runs a fixed number of consumers per queue (min = max unless autoscaling). The simple one
     * refuses a max below the current min and a min above the current max: order the two calls.
     */
    private static void resize(AbstractMessageListenerContainer container, int currentMin, int min, int max) {
        if (container instanceof DirectMessageListenerContainer direct) {
            direct.setConsumersPerQueue(max);
            return;
        }
        SimpleMessageListenerContainer simple = (SimpleMessageListenerContainer) container;
        if (min < currentMin) {
            simple.setConcurrentConsumers(min);
            simple.setMaxConcurrentConsumers(max);
        } else {
            simple.setMaxConcurrentConsumers(max);
            simple.setConcurrentConsumers(min);
        }
    }

    public synchronized ControlReplies.Pool pool() {
        int threads = consumed.values().stream().mapToInt(c -> c.container() instanceof SimpleMessageListenerContainer
                simple ? simple.getActiveConsumerCount() : max()).sum();
        return new ControlReplies.Pool(max(), threads);
    }

    /** {@code pool_grow n}; refused when autoscaling, as in Celery. */
    public synchronized void grow(int n) {
        refuseWhenAutoscaling("pool_grow");
        int before = min();
        concurrency += n;
        resizeAll(before);
    }

    /** {@code pool_shrink n}: never below one consumer. */
    public synchronized void shrink(int n) {
        refuseWhenAutoscaling("pool_shrink");
        if (concurrency - n < 1) {
            throw ControlCommandError.raised("ValueError", "Can't shrink pool. All processes busy!");
        }
        int before = min();
        concurrency -= n;
        resizeAll(before);
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
        int before = min();
        int newMax = max != null ? max : autoscale.max();
        autoscale = new Autoscale(newMax, Math.clamp(min != null ? min : autoscale.min(), 1, newMax));
        resizeAll(before);
        return autoscale;
    }

    /** Applies the new sizes to every container, in the background. */
    private void resizeAll(int previousMin) {
        List<AbstractMessageListenerContainer> containers = consumed.values().stream().map(Consumed::container)
                .distinct().toList();
        int min = min();
        int max = max();
        containerChanges.execute(() -> containers.forEach(container -> resize(container, previousMin, min, max)));
    }

    /**
     * {@code add_consumer}: declares the queue as kombu would (its exchange, arguments and binding: a priority queue
     * keeps its {@code x-max-priority}) and consumes it, with the queue's consumer arguments ({@link #PRIORITY}: one
     * message prefetched per consumer).
     */
    public synchronized void add(KombuQueue queue) {
        if (consumed.containsKey(queue.name())) {
            return;
        }
        AbstractMessageListenerContainer container = newContainer.get();
        container.setQueueNames(queue.name());
        if (queue.consumerArguments() != null) {
            container.setConsumerArguments(queue.consumerArguments());
        }
        if (queue.queueArguments() != null && queue.queueArguments().containsKey(PRIORITY)) {
            container.setPrefetchCount(1);
        }
        consumed.put(queue.name(), new Consumed(queue, container));
        int min = min();
        int max = max();
        containerChanges.execute(() -> {
            declare(queue);
            resize(container, 1, min, max);
            container.start();
        });
    }

    private void declare(KombuQueue queue) {
        KombuQueue.Exchange exchange = queue.exchange();
        admin.declareQueue(new Queue(queue.name(), queue.durable(), queue.exclusive(), queue.autoDelete(),
                queue.queueArguments()));
        if (exchange.name().isEmpty()) {
            return; // the default exchange routes by queue name already
        }
        ExchangeBuilder builder = new ExchangeBuilder(exchange.name(), exchange.type()).durable(exchange.durable());
        if (exchange.autoDelete()) {
            builder.autoDelete();
        }
        if (exchange.arguments() != null) {
            builder.withArguments(exchange.arguments());
        }
        admin.declareExchange(builder.build());
        admin.declareBinding(new Binding(queue.name(), Binding.DestinationType.QUEUE, exchange.name(),
                queue.routingKey(), queue.bindingArguments()));
    }

    /**
     * {@code cancel_consumer}: stops consuming the queue (the queue and its messages stay). A container that still
     * consumes other queues (the main one, with {@code -Q a,b}) only drops this one.
     */
    @SuppressWarnings("ReferenceEquality") // the same container object, not an equal one
    public synchronized void cancel(String queue) {
        Consumed removed = consumed.remove(queue);
        if (removed == null) {
            return;
        }
        AbstractMessageListenerContainer container = removed.container();
        if (consumed.values().stream().anyMatch(c -> c.container() == container)) {
            containerChanges.execute(() -> container.removeQueueNames(queue));
        } else {
            containerChanges.execute(container::destroy);
        }
    }

    public synchronized List<KombuQueue> queues() {
        return new ArrayList<>(consumed.values().stream().map(Consumed::queue).toList());
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Before the containers stop (Spring stops the beans that depend on a container before it, and this one depends
     * on the main container).
     */
    @Override
    public void stop() {
        running = false;
        // one line for all: the containers' own per-message lines are dropped (boot.QuietShutdownRejections)
        log.info("Warm shutdown: the tasks started finish, the prefetched ones go back to their queue");
        try {
            consumer.finishInFlight(shutdownTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops the containers added at run time (the main one is the application's). */
    @Override
    @SuppressWarnings("ReferenceEquality") // the application's container object itself
    public void close() {
        containerChanges.shutdownNow();
        List<Consumed> added;
        synchronized (this) {
            added = consumed.values().stream().filter(c -> c.container() != main).toList();
        }
        added.forEach(c -> c.container().destroy());
    }
}
