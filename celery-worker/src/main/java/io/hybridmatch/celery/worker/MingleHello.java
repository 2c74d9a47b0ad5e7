package io.hybridmatch.celery.worker;

import java.util.List;
import java.util.concurrent.Future;
import org.springframework.amqp.core.Message;

/**
 * A mingle {@code hello} the application sent for its worker before building its context (the boot package's
 * {@code EarlyMingle}), so that the second of waiting for replies overlaps the whole start-up; {@link Mingle} merges
 * the replies.
 *
 * @param hostname the node it was sent for
 * @param replies  what came back within the second
 */
public record MingleHello(String hostname, Future<Replies> replies) {

    /**
     * @param broker   the broker they came through ({@link Mingle#broker})
     * @param messages the replies, unread
     */
    public record Replies(String broker, List<Message> messages) {

        public Replies {
            messages = List.copyOf(messages);
        }
    }
}
