package io.hybridmatch.celery;

/**
 * The AMQP basic properties Celery reads or writes, as plain values so any AMQP client can map them. Every field may
 * be null (absent). {@code expiration} is AMQP's per-message TTL in milliseconds, as a decimal string.
 */
public record AmqpProperties(
        String contentType,
        String contentEncoding,
        String correlationId,
        String replyTo,
        Integer priority,
        Integer deliveryMode,
        String expiration) {

    public static final String JSON = "application/json";
    public static final String UTF_8 = "utf-8";
    /** What kombu sets when the queue does not say otherwise (task_default_delivery_mode = persistent). */
    public static final int PERSISTENT = 2;
    public static final int TRANSIENT = 1;

    /** Properties of a JSON message as kombu publishes it. */
    public static AmqpProperties json(String correlationId, String replyTo, Integer priority, int deliveryMode,
                                      String expiration) {
        return new AmqpProperties(JSON, UTF_8, correlationId, replyTo, priority, deliveryMode, expiration);
    }
}
