package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.AmqpProperties;
import io.hybridmatch.celery.OutgoingMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/** Spring AMQP messages ↔ the protocol library's plain types. */
final class AmqpMessages {

    private AmqpMessages() {
    }

    static AmqpProperties properties(MessageProperties p) {
        return new AmqpProperties(p.getContentType(), p.getContentEncoding(), p.getCorrelationId(), p.getReplyTo(),
                p.getPriority(), p.getReceivedDeliveryMode() == null ? null : MessageDeliveryMode.toInt(p.getReceivedDeliveryMode()),
                p.getExpiration());
    }

    static Map<String, Object> headers(MessageProperties p) {
        return new LinkedHashMap<>(p.getHeaders());
    }

    static Message toMessage(OutgoingMessage outgoing) {
        AmqpProperties a = outgoing.properties();
        MessageProperties p = new MessageProperties();
        p.setContentType(a.contentType());
        p.setContentEncoding(a.contentEncoding());
        p.setCorrelationId(a.correlationId());
        if (a.replyTo() != null && !a.replyTo().isEmpty()) {
            p.setReplyTo(a.replyTo());
        }
        p.setPriority(a.priority());
        if (a.deliveryMode() != null) {
            p.setDeliveryMode(MessageDeliveryMode.fromInt(a.deliveryMode()));
        }
        p.setExpiration(a.expiration());
        outgoing.headers().forEach(p::setHeader);
        return new Message(outgoing.body(), p);
    }

    /** A copy to publish again (delay queues, dead letters): same body, properties and headers. */
    static Message republishable(Message received, Map<String, Object> extraHeaders) {
        MessageProperties in = received.getMessageProperties();
        MessageProperties out = new MessageProperties();
        out.setContentType(in.getContentType());
        out.setContentEncoding(in.getContentEncoding());
        out.setCorrelationId(in.getCorrelationId());
        out.setReplyTo(in.getReplyTo());
        out.setPriority(in.getPriority());
        out.setExpiration(in.getExpiration());
        out.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        in.getHeaders().forEach(out::setHeader);
        extraHeaders.forEach(out::setHeader);
        return new Message(received.getBody(), out);
    }
}
