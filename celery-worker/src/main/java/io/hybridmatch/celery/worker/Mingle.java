package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.RemoteControl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

/**
 * Celery's mingle step (celery/worker/consumer/mingle.py) before the worker consumes tasks: {@code hello} broadcast to
 * the running workers, their replies read for one second; their revoked ids join ours and our clock moves past
 * theirs, so a task revoked before this worker started is refused here too. Best effort: a broker problem only
 * skips the sync, as a worker alone would. Disabled, it does nothing (Celery's {@code --without-mingle}).
 * <p>
 * The sync begins as soon as this bean is built, in a thread of its own, and {@link #start()} (before the task
 * consumers start) waits for it: its second of waiting for replies overlaps the creation of the rest of the context
 * instead of adding to the start-up.
 */
public final class Mingle implements SmartLifecycle, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Mingle.class);
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final boolean enabled;
    private final RabbitTemplate template;
    private final AmqpAdmin admin;
    private final WorkerState state;
    private final RevokedTasks revoked;
    private volatile boolean running;
    private FutureTask<Integer> sync;

    public Mingle(boolean enabled, RabbitTemplate template, AmqpAdmin admin, WorkerState state, RevokedTasks revoked) {
        this.enabled = enabled;
        this.template = template;
        this.admin = admin;
        this.state = state;
        this.revoked = revoked;
    }

    @Override
    public void afterPropertiesSet() {
        if (enabled) {
            log.info("mingle: searching for neighbors");
            sync = new FutureTask<>(this::sync);
            Thread.ofPlatform().daemon().name("mingle").start(sync);
        }
    }

    @Override
    public void start() {
        running = true;
        if (sync == null) {
            return;
        }
        try {
            int nodes = sync.get();
            log.info(nodes > 0 ? "mingle: sync with {} nodes" : "mingle: all alone", nodes);
        } catch (ExecutionException e) {
            log.warn("mingle: sync failed, starting alone", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int sync() {
        RemoteControl control = new RemoteControl(state.hostname(), state.clock());
        String replyKey = UUID.randomUUID().toString();
        // as kombu's reply queue, but not auto-delete: each receive ends its consumer, which would delete it
        Queue replies = new Queue(replyKey + "." + RemoteControl.REPLY_EXCHANGE, false, true, false,
                Map.of("x-expires", 10_000));
        DirectExchange replyExchange = new DirectExchange(RemoteControl.REPLY_EXCHANGE, false, false);
        admin.declareExchange(replyExchange);
        admin.declareQueue(replies);
        admin.declareBinding(BindingBuilder.bind(replies).to(replyExchange).with(replyKey));
        try {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("from_node", state.hostname());
            arguments.put("revoked", Map.of());
            template.send(RemoteControl.EXCHANGE, "", AmqpMessages.toMessage(control.broadcast("hello", arguments,
                    UUID.randomUUID().toString(), replyKey)));
            int nodes = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (long left = WAIT.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                Message reply = template.receive(replies.getName(), left);
                if (reply != null) {
                    nodes += merge(control, reply);
                }
            }
            return nodes;
        } finally {
            admin.deleteQueue(replies.getName());
        }
    }

    /** One reply: 1 if it came from another worker and was merged. */
    private int merge(RemoteControl control, Message reply) {
        Map<String, Object> byNode;
        try {
            byNode = control.readReply(AmqpMessages.properties(reply.getMessageProperties()),
                    AmqpMessages.headers(reply.getMessageProperties()), reply.getBody());
        } catch (RejectedMessageException e) {
            log.warn("mingle: unreadable reply ignored: {}", e.getMessage());
            return 0;
        }
        int merged = 0;
        for (Map.Entry<String, Object> node : byNode.entrySet()) {
            if (!node.getKey().equals(state.hostname()) && node.getValue() instanceof Map<?, ?> sync) {
                if (sync.get("revoked") instanceof Map<?, ?> ids) {
                    revoked.revoke(ids.keySet().stream().map(String::valueOf).toList());
                }
                if (sync.get("clock") instanceof Number clock) {
                    state.clock().adjust(clock.longValue());
                }
                merged++;
            }
        }
        return merged;
    }

    @Override
    public void stop() {
        running = false;
    }

    /** A context that failed before {@link #start()} does not leave the sync waiting on its connection. */
    @Override
    public void destroy() {
        if (sync != null) {
            sync.cancel(true);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before the listener containers start consuming tasks (they use the highest phase)
        return Integer.MAX_VALUE - 200;
    }
}
