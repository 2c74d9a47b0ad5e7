package io.hybridmatch.celery.worker;

import com.rabbitmq.client.Channel;
import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.FollowUpMessages;
import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.Route;
import io.hybridmatch.celery.Signature;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageDecoder;
import io.hybridmatch.celery.TaskMessageEncoder;
import io.hybridmatch.celery.TaskResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * The worker's consumer: one task message in, its outcome made durable, then the acknowledgement (acks late).
 *
 * <p>Order per message: decode (unreadable → dead letter) → revoked or expired → REVOKED → unknown task or wrong
 * arguments → FAILURE + dead letter → future eta → parked in the delay queues → run under time limits → follow-ups
 * (link callbacks, chain, retry) published with confirms → result stored → ack. A failure of the broker or Redis
 * while doing so leaves the message unacknowledged and requeued: at-least-once, so tasks must be idempotent (the
 * indexing tasks are, by {@code updated_at} versioning).
 */
public final class TaskConsumer implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(TaskConsumer.class);

    /** Collaborators, grouped to keep the constructor readable. */
    public record Services(ResultBackend results, ConfirmedPublisher publisher, DeadLetters deadLetters,
                           DelayQueues delays, RevokedTasks revoked, WorkerEvents events, WorkerState state,
                           TaskMetrics metrics) {
    }

    private final TaskMessageDecoder decoder;
    private final TaskMessageEncoder encoder;
    private final FollowUpMessages followUps;
    private final Map<String, CeleryTaskHandler> handlers;
    private final Services s;
    private final String queue;
    private final int defaultMaxRetries;
    private final Duration defaultRetryDelay;
    private final Clock clock;
    private final TimeLimits limits = new TimeLimits();

    public TaskConsumer(Map<String, CeleryTaskHandler> handlers, Services services, String queue, int maxBodyBytes,
                        int defaultMaxRetries, Duration defaultRetryDelay, Clock clock) {
        this.decoder = new TaskMessageDecoder(maxBodyBytes);
        this.encoder = new TaskMessageEncoder(clock, services.state().hostname());
        this.followUps = new FollowUpMessages(clock, queue);
        this.handlers = Map.copyOf(handlers);
        this.s = services;
        this.queue = queue;
        this.defaultMaxRetries = defaultMaxRetries;
        this.defaultRetryDelay = defaultRetryDelay;
        this.clock = clock;
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

    private void handle(Message message) throws InterruptedException {
        TaskMessage task;
        try {
            task = decoder.decode(AmqpMessages.properties(message.getMessageProperties()),
                    AmqpMessages.headers(message.getMessageProperties()), message.getBody());
        } catch (RejectedMessageException e) {
            log.warn("dead-lettered an unreadable message: {}", e.getMessage());
            s.deadLetters().send(message, e.reason().name(), e.getMessage());
            s.metrics().count("unknown", "rejected");
            return;
        }
        Instant now = clock.instant();
        if (s.revoked().isRevoked(task.id())) {
            revoke(task, "revoked");
            return;
        }
        if (task.expires() != null && task.expires().toInstant().isBefore(now)) {
            revoke(task, "expired");
            return;
        }
        CeleryTaskHandler handler = handlers.get(task.task());
        if (handler == null) {
            String detail = "Received unregistered task of type '" + task.task() + "'";
            reject(message, task, "UNKNOWN_TASK", detail,
                    new PythonException("NotRegistered", "celery.exceptions", List.of(task.task())));
            return;
        }
        Map<String, Object> arguments;
        try {
            arguments = handler.parameters().bind(shortName(task.task()), task.args(), task.kwargs());
        } catch (TaskParameters.TaskArgumentsException e) {
            reject(message, task, "INVALID_ARGUMENTS", e.getMessage(),
                    new PythonException("TypeError", PythonException.BUILTINS, List.of(e.getMessage())));
            return;
        }
        if (task.eta() != null) {
            Duration remaining = Duration.between(now, task.eta().toInstant());
            if (remaining.isPositive()) {
                if (s.delays().park(message, remaining)) {
                    s.metrics().count(task.task(), "delayed");
                    return;
                }
                Thread.sleep(remaining); // due within the shortest delay step
            }
        }
        execute(message, task, handler, arguments);
    }

    private void execute(Message message, TaskMessage task, CeleryTaskHandler handler, Map<String, Object> arguments)
            throws InterruptedException {
        s.events().received(task);
        s.metrics().count(task.task(), "received");
        Instant started = clock.instant();
        s.state().begin(new ControlReplies.ActiveTask(task, Route.queue(queue),
                Boolean.TRUE.equals(message.getMessageProperties().getRedelivered()), started, false, s.state().pid()));
        s.events().started(task.id());
        long t0 = System.nanoTime();
        try {
            Object value;
            try {
                value = limits.run(task, () -> handler.run(new TaskCall(task, arguments)));
            } catch (RetryTask retry) {
                retryOrFail(task, handler, retry, Duration.ofNanos(System.nanoTime() - t0));
                return;
            } catch (TimeLimits.Exceeded e) {
                fail(task, e.python(), stackTrace(e), Duration.ofNanos(System.nanoTime() - t0));
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                fail(task, PythonException.of(e), stackTrace(e), Duration.ofNanos(System.nanoTime() - t0));
                return;
            }
            Duration runtime = Duration.ofNanos(System.nanoTime() - t0);
            // follow-ups before the result: once SUCCESS is visible, its callbacks already exist
            for (Signature callback : task.callbacks()) {
                publishFollowUp(task, () -> followUps.linkCallback(task, callback, value));
            }
            publishFollowUp(task, () -> followUps.nextInChain(task, value).orElse(null));
            store(task, TaskResult.success(task.id(), value, clock.instant()));
            s.events().succeeded(task.id(), value, runtime);
            s.metrics().finished(task.task(), "succeeded", runtime);
        } finally {
            s.state().end(task.id(), task.task());
        }
    }

    private void retryOrFail(TaskMessage task, CeleryTaskHandler handler, RetryTask retry, Duration runtime) {
        int maxRetries = handler.maxRetries() != null ? handler.maxRetries() : defaultMaxRetries;
        Throwable cause = retry.getCause();
        if (task.retries() >= maxRetries) {
            PythonException error = cause != null ? PythonException.of(cause)
                    : new PythonException("MaxRetriesExceededError", "celery.exceptions", List.of(
                    "Can't retry " + task.task() + "[" + task.id() + "] args:" + task.args() + " kwargs:" + task.kwargs()));
            fail(task, error, stackTrace(cause != null ? cause : retry), runtime);
            return;
        }
        Duration countdown = retry.countdown() != null ? retry.countdown() : defaultRetryDelay;
        s.publisher().publish(encoder.encode(followUps.retry(task, countdown), Route.queue(queue)));
        PythonException reason = PythonException.of(cause != null ? cause : retry);
        String traceback = stackTrace(cause != null ? cause : retry);
        store(task, TaskResult.retry(task.id(), reason, traceback));
        s.events().retried(task.id(), reason, traceback);
        s.metrics().finished(task.task(), "retried", runtime);
    }

    private void fail(TaskMessage task, PythonException error, String traceback, Duration runtime) {
        for (Signature errback : task.errbacks()) {
            publishFollowUp(task, () -> followUps.errorCallback(task, errback));
        }
        store(task, TaskResult.failure(task.id(), error, traceback, clock.instant()));
        s.events().failed(task.id(), error, traceback);
        s.metrics().finished(task.task(), "failed", runtime);
    }

    /** A message that can never run as sent: FAILURE for the caller, and the message itself kept for inspection. */
    private void reject(Message message, TaskMessage task, String reason, String detail, PythonException error) {
        log.warn("dead-lettered task {}[{}]: {}", task.task(), task.id(), detail);
        s.deadLetters().send(message, reason, detail);
        for (Signature errback : task.errbacks()) {
            publishFollowUp(task, () -> followUps.errorCallback(task, errback));
        }
        store(task, TaskResult.failure(task.id(), error, null, clock.instant()));
        s.metrics().count(task.task(), "rejected");
    }

    private void revoke(TaskMessage task, String why) {
        store(task, TaskResult.revoked(task.id(), why, clock.instant()));
        s.metrics().count(task.task(), "revoked");
    }

    private void store(TaskMessage task, TaskResult result) {
        if (!task.ignoreResult()) {
            s.results().store(task, result);
        }
    }

    private interface FollowUp {
        FollowUpMessages.Publication next() throws RejectedMessageException;
    }

    private void publishFollowUp(TaskMessage task, FollowUp followUp) {
        try {
            FollowUpMessages.Publication publication = followUp.next();
            if (publication != null) {
                s.publisher().publish(encoder.encode(publication.message(), publication.route()));
            }
        } catch (RejectedMessageException e) {
            // e.g. a group or chord as callback: the task's own outcome stands; the follow-up is reported, not run
            log.warn("follow-up of {}[{}] not published: {}", task.task(), task.id(), e.getMessage());
        }
    }

    private static String shortName(String task) {
        return task.substring(task.lastIndexOf('.') + 1);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
