package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.Route;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;

/**
 * Makes sure the queue a follow-up is routed to exists before it is published, as kombu's producer declares the
 * destination of every task message (celery/app/amqp.py {@code send_task_message}: {@code declare=[queue]}):
 * otherwise a callback to a queue no worker has declared yet would be dropped by the broker as unroutable. An
 * existing queue is left as it is (checked passively, so its arguments never conflict); a missing one is declared as
 * kombu's {@code Queue(name)} is: durable, with a direct exchange of the same name bound by the queue name.
 */
public final class FollowUpQueues {

    private final AmqpAdmin admin;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public FollowUpQueues(AmqpAdmin admin, Set<String> declaredByThisWorker) {
        this.admin = admin;
        known.addAll(declaredByThisWorker);
    }

    public void ensureExists(Route route) {
        String queue = route.routingKey();
        if (!route.exchange().isEmpty() || known.contains(queue)) {
            return;
        }
        if (admin.getQueueProperties(queue) == null) {
            Queue declared = new Queue(queue, true, false, false);
            DirectExchange exchange = new DirectExchange(queue, true, false);
            admin.declareExchange(exchange);
            admin.declareQueue(declared);
            admin.declareBinding(BindingBuilder.bind(declared).to(exchange).with(queue));
        }
        known.add(queue);
    }
}
