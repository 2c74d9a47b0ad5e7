package io.hybridmatch.celery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task queue as kombu describes it: what a worker declares and consumes for {@code -Q} or for
 * {@code add_consumer(queue, exchange, exchange_type, routing_key, **options)}, and what {@code inspect active_queues}
 * reports of it ({@code Queue.as_dict(recurse=True)}). The options are kombu's {@code Queue.from_dict} keys; a queue
 * declared with other arguments than the broker already has is refused by RabbitMQ, so they matter: a priority queue
 * ({@code queue_arguments: {"x-max-priority": 10}}) is only consumed when declared with its own arguments.
 */
public record KombuQueue(String name, Exchange exchange, String routingKey, boolean durable, boolean exclusive,
                         boolean autoDelete, Map<String, Object> queueArguments, Map<String, Object> bindingArguments,
                         Map<String, Object> consumerArguments) {

    /** The queue's exchange ({@code kombu.Exchange}). */
    public record Exchange(String name, String type, boolean durable, boolean autoDelete,
                           Map<String, Object> arguments) {
    }

    /** A queue of {@code -Q}: its own direct exchange and routing key, durable, no arguments. */
    public static KombuQueue direct(String name) {
        return fromOptions(name, Map.of());
    }

    /**
     * {@code add_consumer}'s queue: Celery's defaults (exchange and routing key the queue's name, type direct), then
     * kombu's {@code Queue.from_dict} rules (a {@code queue_}/{@code exchange_} key before the shared one;
     * {@code exclusive} implies auto-delete). Keys kombu does not know are ignored, as there.
     */
    public static KombuQueue fromOptions(String name, Map<String, ?> options) {
        String exchangeName = text(options, "exchange", name);
        String routingKey = text(options, "binding_key", text(options, "routing_key", name));
        boolean exclusive = flag(options, "exclusive", null, false);
        Exchange exchange = new Exchange(exchangeName, text(options, "exchange_type", "direct"),
                flag(options, "exchange_durable", "durable", true),
                flag(options, "exchange_auto_delete", "auto_delete", false), map(options, "exchange_arguments"));
        return new KombuQueue(name, exchange, routingKey, flag(options, "queue_durable", "durable", true), exclusive,
                exclusive || flag(options, "queue_auto_delete", "auto_delete", false), map(options, "queue_arguments"),
                map(options, "binding_arguments"), map(options, "consumer_arguments"));
    }

    /** kombu's {@code Queue.as_dict(recurse=True)}: every attribute, unset ones as null. */
    public Map<String, Object> asDict() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", exchange.name());
        e.put("type", exchange.type());
        e.put("arguments", exchange.arguments());
        e.put("durable", exchange.durable());
        e.put("passive", false);
        e.put("auto_delete", exchange.autoDelete());
        e.put("delivery_mode", null);
        e.put("no_declare", false);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("name", name);
        q.put("exchange", e);
        q.put("routing_key", routingKey);
        q.put("queue_arguments", queueArguments);
        q.put("binding_arguments", bindingArguments);
        q.put("consumer_arguments", consumerArguments);
        q.put("durable", durable);
        q.put("exclusive", exclusive);
        q.put("auto_delete", autoDelete);
        q.put("no_ack", false);
        q.put("alias", null);
        q.put("bindings", List.of());
        for (String unset : List.of("no_declare", "expires", "message_ttl", "max_length", "max_length_bytes",
                "max_priority")) {
            q.put(unset, null);
        }
        return q;
    }

    private static String text(Map<String, ?> options, String key, String otherwise) {
        Object value = options.get(key);
        return value == null ? otherwise : value.toString();
    }

    private static boolean flag(Map<String, ?> options, String key, String sharedKey, boolean otherwise) {
        Object value = options.get(key);
        if (value == null && sharedKey != null) {
            value = options.get(sharedKey);
        }
        return value == null ? otherwise : Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("unchecked") // a JSON object of the control message
    private static Map<String, Object> map(Map<String, ?> options, String key) {
        return options.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
