package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.LamportClock;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.RemoteControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
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
 * The {@code hello} is sent before the task consumers start, and {@link #start()} (before they start) reads what
 * came back: its second of waiting for replies overlaps the start-up instead of adding to it. When the application
 * sent it before its context was built ({@link MingleHello}, same node and broker), those replies are used;
 * otherwise the sync begins as this bean is built, in a thread of its own.
 */
public final class Mingle implements SmartLifecycle, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Mingle.class);
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final boolean enabled;
    private final RabbitTemplate template;
    private final AmqpAdmin admin;
    private final WorkerState state;
    private final RevokedTasks revoked;
    private final MingleHello sentBefore;
    private volatile boolean running;
    private Future<MingleHello.Replies> replies;

    /** @param sentBefore the {@code hello} the application sent before its context was built, or null */
    public Mingle(boolean enabled, RabbitTemplate template, AmqpAdmin admin, WorkerState state, RevokedTasks revoked,
                  MingleHello sentBefore) {
        this.enabled = enabled;
        this.template = template;
        this.admin = admin;
        this.state = state;
        this.revoked = revoked;
        this.sentBefore = sentBefore;
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            return;
        }
        if (sentBefore != null && sentBefore.hostname().equals(state.hostname())) {
            replies = sentBefore.replies();
            return;
        }
        log.info("mingle: searching for neighbors");
        FutureTask<MingleHello.Replies> sync = new FutureTask<>(() -> hello(template, admin, state.hostname()));
        Thread.ofPlatform().daemon().name("mingle").start(sync);
        replies = sync;
    }

    @Override
    public void start() {
        running = true;
        if (replies == null) {
            return;
        }
        try {
            MingleHello.Replies got = replies.get();
            if (!got.broker().equals(broker(template.getConnectionFactory()))) {
                // sent before the context through another broker than the worker's (a connection-details bean)
                log.info("mingle: the hello sent at start-up went to {}, searching for neighbors again", got.broker());
                got = hello(template, admin, state.hostname());
            }
            int nodes = 0;
            RemoteControl control = new RemoteControl(state.hostname(), state.clock());
            for (Message reply : got.messages()) {
                nodes += merge(control, reply);
            }
            log.info(nodes > 0 ? "mingle: sync with {} nodes" : "mingle: all alone", nodes);
        } catch (ExecutionException | RuntimeException e) {
            log.warn("mingle: sync failed, starting alone", e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The broker a connection factory reaches, as {@link MingleHello.Replies} names it. */
    public static String broker(ConnectionFactory factory) {
        return factory.getUsername() + "@" + factory.getHost() + ":" + factory.getPort() + "/" + factory.getVirtualHost();
    }

    /**
     * Broadcasts {@code hello} from {@code hostname} and collects the replies for one second, as Celery's
     * {@code inspect(timeout=1.0).hello()}; they are merged by {@link #start()}.
     */
    public static MingleHello.Replies hello(RabbitTemplate template, AmqpAdmin admin, String hostname) {
        // the replies' clocks are merged with the worker's in start(); this one only stamps the broadcast
        RemoteControl control = new RemoteControl(hostname, new LamportClock());
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
            arguments.put("from_node", hostname);
            arguments.put("revoked", Map.of());
            template.send(RemoteControl.EXCHANGE, "", AmqpMessages.toMessage(control.broadcast("hello", arguments,
                    UUID.randomUUID().toString(), replyKey)));
            List<Message> got = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (long left = WAIT.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                Message reply = template.receive(replies.getName(), left);
                if (reply != null) {
                    got.add(reply);
                }
            }
            return new MingleHello.Replies(broker(template.getConnectionFactory()), got);
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
        if (replies != null) {
            replies.cancel(true);
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
