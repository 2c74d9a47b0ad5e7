package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.ControlRequest;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.RemoteControl;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Celery's remote control (kombu pidbox) on {@code <hostname>.celery.pidbox}: each command addressed to this worker
 * is run and its reply published as kombu's {@code Node.dispatch} does, an unknown command or one that raises being
 * answered {@code {"error": repr(exc)}}. Commands run one at a time, in arrival order, as in Celery.
 */
public final class RemoteControlListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RemoteControlListener.class);

    private final RemoteControl remoteControl;
    private final WorkerState state;
    private final ConfirmedPublisher publisher;
    private final Map<String, RemoteCommand> commands = new HashMap<>();

    public RemoteControlListener(WorkerState state, ConfirmedPublisher publisher, InspectCommands inspect,
                                 ControlCommands control) {
        this.remoteControl = new RemoteControl(state.hostname(), state.clock());
        this.state = state;
        this.publisher = publisher;
        commands.putAll(inspect.commands());
        commands.putAll(control.commands());
    }

    public static String queueName(String hostname) {
        return RemoteControl.queueName(hostname);
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // NO_REPLY is a marker object
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
        Object payload = dispatch(request);
        if (payload != RemoteCommand.NO_REPLY) {
            remoteControl.reply(request, payload).ifPresent(publisher::publishUnconfirmed);
        }
    }

    private Object dispatch(ControlRequest request) {
        RemoteCommand command = commands.get(request.method());
        if (command == null) {
            log.error("pidbox command error: KeyError('{}')", request.method());
            return ControlReplies.raised("KeyError", request.method());
        }
        try {
            return command.run(new CommandArguments(request.method(), request.arguments()));
        } catch (ControlCommandError e) {
            log.error("pidbox command error: {}", e.repr());
            return e.reply();
        } catch (RuntimeException e) {
            log.error("pidbox command {} failed", request.method(), e);
            return ControlReplies.raised("RuntimeError", String.valueOf(e.getMessage()));
        }
    }
}
