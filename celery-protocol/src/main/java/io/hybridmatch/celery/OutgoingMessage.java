package io.hybridmatch.celery;

import java.util.Map;

/** A message ready for any AMQP client: route, properties, headers table and body bytes. */
public record OutgoingMessage(Route route, AmqpProperties properties, Map<String, Object> headers, byte[] body) {

    public OutgoingMessage {
        headers = JsonValues.unmodifiableCopy(headers);
    }
}
