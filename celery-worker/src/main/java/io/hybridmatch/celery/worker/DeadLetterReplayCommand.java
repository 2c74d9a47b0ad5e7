package io.hybridmatch.celery.worker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * {@code bin/replay-dead-letters [dead-letter-queue] [reason]}: {@link DeadLetterReplay} from the command line, on
 * the broker the worker uses ({@code RABBITMQ_HOST}, {@code RABBITMQ_PORT}, {@code RABBITMQ_USER},
 * {@code RABBITMQ_PASSWORD}, {@code RABBITMQ_VHOST}). Defaults: {@code hybridmatch.dead-letter} (the dead-letter queue of
 * the default task queue {@code hybridmatch}),
 * {@code RETRIES_EXHAUSTED}.
 */
public final class DeadLetterReplayCommand {

    private DeadLetterReplayCommand() {
    }

    public static void main(String[] args) throws Exception {
        String queue = args.length > 0 ? args[0] : "hybridmatch.dead-letter";
        String reason = args.length > 1 ? args[1] : TaskExecution.RETRIES_EXHAUSTED;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USER", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(env("RABBITMQ_VHOST", "/"));
        try (Connection connection = factory.newConnection("replay-dead-letters")) {
            DeadLetterReplay.Outcome outcome = new DeadLetterReplay(connection.createChannel()).replay(queue, reason);
            System.out.printf("%s: %d replayed (%s), %d kept%n", queue, outcome.replayed(), reason, outcome.kept());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
