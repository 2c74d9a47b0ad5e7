package io.hybridmatch.celery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire samples recorded from Celery 5.2.6 / kombu 5.2.4 (src/test/resources, recorder in src/test/python).
 */
public final class Samples {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A recorded AMQP message as an AMQP client would hand it over. */
    public record Delivery(AmqpProperties properties, Map<String, Object> headers, byte[] body, JsonNode recorded) {
    }

    private Samples() {
    }

    static JsonNode resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the four messages of task-messages.celery-5.2.6.json (body recorded as parsed JSON). */
    public static Delivery taskMessage(int index) {
        JsonNode m = resource("task-messages.celery-5.2.6.json").get(index);
        return delivery(m, JSON.writeValueAsBytes(m.get("body")));
    }

    /** A message of extra-samples.celery-5.2.6.json, whose body was recorded as the raw published text. */
    public static Delivery extraMessage(String group, int index) {
        return extraMessage(extra(), group, index);
    }

    /** A message with a raw body from any fixture laid out like extra-samples. */
    static Delivery extraMessage(JsonNode fixture, String group, int index) {
        JsonNode m = fixture.get(group).get(index);
        return delivery(m, m.get("body_raw").stringValue().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode extra() {
        return resource("extra-samples.celery-5.2.6.json");
    }

    @SuppressWarnings("unchecked")
    static Delivery delivery(JsonNode m, byte[] body) {
        JsonNode p = m.get("properties");
        AmqpProperties properties = new AmqpProperties(text(p, "content_type"), text(p, "content_encoding"),
                text(p, "correlation_id"), text(p, "reply_to"), integer(p, "priority"), integer(p, "delivery_mode"),
                text(p, "expiration"));
        Map<String, Object> headers = JSON.convertValue(m.get("headers"), Map.class);
        return new Delivery(properties, headers, body, m);
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).stringValue() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).intValue() : null;
    }
}
