package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.ControlRequest;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.RemoteControl;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Answers Celery's remote control (kombu pidbox) so {@code celery inspect ping|registered|active|stats} and
 * {@code celery control revoke} (and Flower) see this worker.
 */
public final class RemoteControlListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RemoteControlListener.class);

    private final RemoteControl remoteControl;
    private final WorkerState state;
    private final RevokedTasks revoked;
    private final ConfirmedPublisher publisher;
    private final Collection<String> taskNames;
    private final int concurrency;
    private final int prefetch;
    private final Map<String, Object> broker;

    public RemoteControlListener(WorkerState state, RevokedTasks revoked, ConfirmedPublisher publisher,
                                 Collection<String> taskNames, int concurrency, int prefetch, Map<String, Object> broker) {
        this.remoteControl = new RemoteControl(state.hostname(), state.clock());
        this.state = state;
        this.revoked = revoked;
        this.publisher = publisher;
        this.taskNames = List.copyOf(taskNames);
        this.concurrency = concurrency;
        this.prefetch = prefetch;
        this.broker = Map.copyOf(broker);
    }

    public static String queueName(String hostname) {
        return RemoteControl.queueName(hostname);
    }

    @Override
    public void onMessage(Message message) {
        ControlRequest request;
        try {
            request = remoteControl.decode(AmqpMessages.properties(message.getMessageProperties()),
                    AmqpMessages.headers(message.getMessageProperties()), message.getBody());
        } catch (RejectedMessageException e) {
            log.warn("ignored an unreadable remote-control message: {}", e.getMessage());
            return;
        }
        if (!request.isFor(state.hostname())) {
            return;
        }
        Object payload = switch (request.method()) {
            case "ping" -> ControlReplies.pong();
            case "registered" -> ControlReplies.registered(taskNames);
            case "active" -> ControlReplies.active(state.active(), state.hostname(),
                    Boolean.TRUE.equals(request.arguments().get("safe")));
            case "stats" -> ControlReplies.stats(state.totals(), state.pid(), state.clock().value(),
                    Duration.between(state.started(), Instant.now()), concurrency, prefetch, broker);
            case "revoke" -> {
                List<String> ids = ControlReplies.revokeTaskIds(request);
                revoked.revoke(ids);
                yield ControlReplies.revoked(ids);
            }
            default -> Map.of("error", "No such command: " + request.method());
        };
        remoteControl.reply(request, payload).ifPresent(publisher::publishUnconfirmed);
    }
}
