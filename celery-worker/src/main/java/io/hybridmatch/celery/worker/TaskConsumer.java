package io.hybridmatch.celery.worker;

import com.rabbitmq.client.Channel;
import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.Route;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * The worker's consumer: one task message in, its outcome made durable, then the acknowledgement (acks late).
 *
 * <p>{@link TaskAdmission} gives the verdict; this class carries it out: dead letter, REVOKED, parking in the delay
 * queues, or {@link TaskExecution}. A failure of the broker or Redis meanwhile leaves the message unacknowledged and
 * requeued: at-least-once, so tasks must be idempotent (the indexing tasks are, by {@code updated_at} versioning).
 * A SUCCESS may still be on its way to the result backend when the consumer takes the next message: the message is
 * acknowledged once it is stored ({@link ChannelAcks}: one multiple ack for a run of stored results).
 * On shutdown, {@link #finishInFlight} makes every later message wait for its own acknowledgement and waits for the
 * ones in flight, so that the containers close no channel with a stored result unacknowledged.
 */
public final class TaskConsumer implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(TaskConsumer.class);
    private static final CompletionStage<Void> DURABLE = CompletableFuture.completedStage(null);

    private final TaskAdmission admission;
    private final TaskExecution execution;
    private final DeadLetters deadLetters;
    private final DelayQueues delays;
    private final TaskMetrics metrics;
    private final WorkerState state;
    private final PrefetchedTasks prefetched;
    private final Map<Channel, ChannelAcks> acks = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public TaskConsumer(TaskAdmission admission, TaskExecution execution, DeadLetters deadLetters, DelayQueues delays,
                        TaskMetrics metrics, WorkerState state, PrefetchedTasks prefetched) {
        this.state = state;
        this.prefetched = prefetched;
        this.admission = admission;
        this.execution = execution;
        this.deadLetters = deadLetters;
        this.delays = delays;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        prefetched.taken(message.getMessageProperties().getConsumerTag(),
                message.getMessageProperties().getDeliveryTag(), channel);
        ChannelAcks channelAcks = acksOf(channel);
        ChannelAcks.Delivery delivery = channelAcks.begin(message.getMessageProperties().getDeliveryTag());
        CompletionStage<Void> outcome;
        try {
            outcome = handle(message);
        } catch (InterruptedException e) {
            // shutting down mid-task: the message goes back to the queue for another worker
            channelAcks.requeue(delivery);
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("could not record the outcome of a task message; it goes back to the queue", e);
            channelAcks.requeue(delivery);
            Thread.sleep(1_000);
            return;
        }
        channelAcks.storing(delivery);
        CompletableFuture<Void> acknowledged = outcome.handle((ignored, error) -> {
            if (error == null) {
                channelAcks.durable(delivery);
            } else {
                log.error("could not record the outcome of a task message; it goes back to the queue", error);
                channelAcks.requeue(delivery);
            }
            return (Void) null;
        }).toCompletableFuture();
        if (stopping) {
            acknowledged.get();
        }
    }

    private ChannelAcks acksOf(Channel channel) {
        ChannelAcks channelAcks = acks.get(channel);
        if (channelAcks == null) { // a new channel: the ones closed meanwhile are forgotten
            acks.keySet().removeIf(c -> !c.isOpen());
            channelAcks = acks.computeIfAbsent(channel, c -> new ChannelAcks(c));
        }
        return channelAcks;
    }

    /**
     * Shutting down, before the containers stop: from now on each message is acknowledged before the next is taken,
     * and this waits (at most {@code timeout}) until the outcomes in flight are durable and acknowledged.
     */
    public void finishInFlight(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acks.values().stream().anyMatch(ChannelAcks::storing) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Due within the shortest delay step: waits here, listed by {@code inspect scheduled}. */
    private void waitForEta(Admission.Park park, TaskExecution.Delivery delivery) throws InterruptedException {
        state.hold(new ControlReplies.ActiveTask(park.run().task(), delivery.deliveredTo(), delivery.redelivered(), null,
                false, state.pid()));
        try {
            Thread.sleep(park.remaining());
        } finally {
            state.release(park.run().task().id());
        }
    }

    /** Carries out the verdict; the stage completes when its outcome is durable. */
    private CompletionStage<Void> handle(Message message) throws InterruptedException {
        var properties = message.getMessageProperties();
        Admission verdict = admission.admit(AmqpMessages.properties(properties), AmqpMessages.headers(properties),
                message.getBody());
        TaskExecution.Delivery delivery = new TaskExecution.Delivery(properties.getConsumerQueue(),
                new Route(properties.getReceivedExchange(), properties.getReceivedRoutingKey()),
                Boolean.TRUE.equals(properties.getRedelivered()));
        return switch (verdict) {
            case Admission.Run run -> {
                if (!DelayQueues.returned(properties)) {
                    execution.received(run.task());
                }
                yield execution.run(run, delivery).thenAccept(gaveUp -> deadLetterIfGaveUp(message, run, gaveUp));
            }
            case Admission.Park park -> {
                if (!DelayQueues.returned(properties)) {
                    execution.received(park.run().task());
                }
                if (delays.park(message, park.remaining())) {
                    state.park(new ControlReplies.ActiveTask(park.run().task(), delivery.deliveredTo(),
                            delivery.redelivered(), null, false, state.pid()));
                    metrics.count(park.run().task().task(), "delayed");
                    yield DURABLE;
                }
                waitForEta(park, delivery);
                yield execution.run(park.run(), delivery)
                        .thenAccept(gaveUp -> deadLetterIfGaveUp(message, park.run(), gaveUp));
            }
            case Admission.Revoke revoke -> {
                state.release(revoke.task().id());
                execution.revoke(revoke.task(), revoke.why(), delivery);
                yield DURABLE;
            }
            case Admission.Reject reject -> {
                String deadLetterQueue = deadLetters.send(message, reject.reason(), reject.detail());
                if (reject.task() == null) {
                    log.error("Received invalid task message, dead-lettered to {}: {}", deadLetterQueue,
                            reject.detail());
                    metrics.count("unknown", "rejected");
                } else {
                    log.error("Task {}[{}] rejected ({}), dead-lettered to {}: {}", reject.task().task(),
                            reject.task().id(), reject.reason(), deadLetterQueue, reject.detail());
                    execution.reject(reject.task(), reject.error(), delivery);
                }
                yield DURABLE;
            }
        };
    }

    /** A task that gave up retrying is failed already; its message is kept for a replay (never silently dropped). */
    private void deadLetterIfGaveUp(Message message, Admission.Run run, Optional<String> gaveUp) {
        gaveUp.ifPresent(detail -> {
            String deadLetterQueue = deadLetters.send(message, TaskExecution.RETRIES_EXHAUSTED, detail);
            log.error("Task {}[{}] {}; dead-lettered to {}", run.task().task(), run.task().id(), detail,
                    deadLetterQueue);
        });
    }
}
