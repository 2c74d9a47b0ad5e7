package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KombuQueueTest {

    @Test
    void addConsumerDefaultsAreCeleryOnes() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("queue", "extra");
        arguments.put("exchange", null);
        arguments.put("exchange_type", null);
        arguments.put("routing_key", null);

        KombuQueue queue = KombuQueue.fromOptions("extra", arguments);

        assertThat(queue).isEqualTo(KombuQueue.direct("extra"));
        assertThat(queue.exchange()).isEqualTo(new KombuQueue.Exchange("extra", "direct", true, false, null));
        assertThat(queue.routingKey()).isEqualTo("extra");
        assertThat(queue.durable()).isTrue();
        assertThat(queue.queueArguments()).isNull();
    }

    @Test
    void specificKeysWinOverSharedOnesAndExclusiveImpliesAutoDelete() {
        KombuQueue queue = KombuQueue.fromOptions("q", Map.of("durable", false, "exchange_durable", true,
                "exclusive", true, "binding_key", "bk", "routing_key", "rk", "exchange_type", "topic"));

        assertThat(queue.durable()).isFalse();
        assertThat(queue.exchange().durable()).isTrue();
        assertThat(queue.exchange().type()).isEqualTo("topic");
        assertThat(queue.exclusive()).isTrue();
        assertThat(queue.autoDelete()).isTrue();
        assertThat(queue.exchange().autoDelete()).isFalse();
        assertThat(queue.routingKey()).isEqualTo("bk");
    }

    @Test
    void asDictIsKombusForAPriorityQueue() {
        // kombu 5.2: Queue.from_dict('pq', exchange='pq', exchange_type='direct', routing_key='pq',
        //   queue_arguments={'x-max-priority': 10}, consumer_arguments={'x-priority': 3}).as_dict(recurse=True)
        KombuQueue queue = KombuQueue.fromOptions("pq", Map.of("queue_arguments", Map.of("x-max-priority", 10),
                "consumer_arguments", Map.of("x-priority", 3), "no_such_option", 1));

        assertThat(Samples.JSON.readTree(CeleryJson.write(queue.asDict()))).isEqualTo(Samples.JSON.readTree("""
                {"name": "pq", "exchange": {"name": "pq", "type": "direct", "arguments": null, "durable": true,
                 "passive": false, "auto_delete": false, "delivery_mode": null, "no_declare": false},
                 "routing_key": "pq", "queue_arguments": {"x-max-priority": 10}, "binding_arguments": null,
                 "consumer_arguments": {"x-priority": 3}, "durable": true, "exclusive": false, "auto_delete": false,
                 "no_ack": false, "alias": null, "bindings": [], "no_declare": null, "expires": null,
                 "message_ttl": null, "max_length": null, "max_length_bytes": null, "max_priority": null}"""));
    }
}
