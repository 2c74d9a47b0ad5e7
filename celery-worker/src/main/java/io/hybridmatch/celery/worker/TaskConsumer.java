package io.hybridmatch.celery.worker;

import com.rabbitmq.client.Channel;
import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.Route;
import java.util.Optional;
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
 */
public final class TaskConsumer implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(TaskConsumer.class);

    private final TaskAdmission admission;
    private final TaskExecution execution;
    private final DeadLetters deadLetters;
    private final DelayQueues delays;
    private final TaskMetrics metrics;
    private final WorkerState state;

    public TaskConsumer(TaskAdmission admission, TaskExecution execution, DeadLetters deadLetters, DelayQueues delays,
                        TaskMetrics metrics, WorkerState state) {
        this.state = state;
        this.admission = admission;
        this.execution = execution;
        this.deadLetters = deadLetters;
        this.delays = delays;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        try {
            handle(message);
        } catch (InterruptedException e) {
            // shutting down mid-task: the message goes back to the queue for another worker
            channel.basicNack(tag, false, true);
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("could not record the outcome of a task message; it goes back to the queue", e);
            channel.basicNack(tag, false, true);
            Thread.sleep(1_000);
            return;
        }
        channel.basicAck(tag, false);
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

    private void handle(Message message) throws InterruptedException {
        var properties = message.getMessageProperties();
        Admission verdict = admission.admit(AmqpMessages.properties(properties), AmqpMessages.headers(properties),
                message.getBody());
        TaskExecution.Delivery delivery = new TaskExecution.Delivery(properties.getConsumerQueue(),
                new Route(properties.getReceivedExchange(), properties.getReceivedRoutingKey()),
                Boolean.TRUE.equals(properties.getRedelivered()));
        switch (verdict) {
            case Admission.Run run -> {
                if (!DelayQueues.returned(properties)) {
                    execution.received(run.task());
                }
                deadLetterIfGaveUp(message, run, execution.run(run, delivery));
            }
            case Admission.Park park -> {
                if (!DelayQueues.returned(properties)) {
                    execution.received(park.run().task());
                }
                if (delays.park(message, park.remaining())) {
                    state.park(new ControlReplies.ActiveTask(park.run().task(), delivery.deliveredTo(),
                            delivery.redelivered(), null, false, state.pid()));
                    metrics.count(park.run().task().task(), "delayed");
                } else {
                    waitForEta(park, delivery);
                    deadLetterIfGaveUp(message, park.run(), execution.run(park.run(), delivery));
                }
            }
            case Admission.Revoke revoke -> {
                state.release(revoke.task().id());
                execution.revoke(revoke.task(), revoke.why(), delivery);
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
            }
        }
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
