package io.hybridmatch.celery;

/**
 * Where to publish: an exchange and a routing key. Celery sends to a direct queue through the default ("anonymous")
 * exchange with the queue name as routing key, which {@link #queue(String)} expresses.
 */
public record Route(String exchange, String routingKey) {

    /** Celery's task_default_queue. */
    public static final String DEFAULT_QUEUE = "celery";

    public static Route queue(String name) {
        return new Route("", name);
    }
}
