package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * {@code hybridmatch.worker.mingle=false} (Celery's {@code --without-mingle}) is read at start, not by a condition; a
 * {@code hello} sent before the context is merged only when it went through the worker's broker. The worker's broker
 * here is a port nothing listens on: a second {@code hello} would fail, so what is merged came from the first.
 */
class MingleTest {

    private final CachingConnectionFactory unreachable = new CachingConnectionFactory("127.0.0.1", 1);
    private final WorkerState state = new WorkerState("java@test");
    private final RevokedTasks revoked = new RevokedTasks();

    @AfterEach
    void close() {
        unreachable.destroy();
    }

    @Test
    void disabledItStartsWithoutAskingTheBroker() {
        Mingle mingle = new Mingle(false, null, null, state, revoked, null); // no broker
        mingle.start();
        assertThat(mingle.isRunning()).isTrue();
        mingle.stop();
        assertThat(mingle.isRunning()).isFalse();
    }

    @Test
    void repliesToAHelloSentBeforeTheContextAreMerged() {
        start(new MingleHello("java@test", replies(Mingle.broker(unreachable))));

        assertThat(revoked.isRevoked("revoked-on-a-neighbour")).isTrue();
        assertThat(state.clock().value()).isGreaterThanOrEqualTo(42);
    }

    @Test
    void repliesThatCameThroughAnotherBrokerAreNotMerged() {
        start(new MingleHello("java@test", replies("guest@elsewhere:5672/")));

        assertThat(revoked.isRevoked("revoked-on-a-neighbour")).isFalse();
    }

    @Test
    void aHelloSentForAnotherNodeIsNotUsed() {
        start(new MingleHello("java@other", replies(Mingle.broker(unreachable))));

        assertThat(revoked.isRevoked("revoked-on-a-neighbour")).isFalse();
    }

    private void start(MingleHello sentBefore) {
        Mingle mingle = new Mingle(true, new RabbitTemplate(unreachable), new RabbitAdmin(unreachable), state, revoked,
                sentBefore);
        mingle.afterPropertiesSet();
        mingle.start();
        assertThat(mingle.isRunning()).isTrue();
        mingle.destroy();
    }

    /** A neighbour's reply to {@code hello}, as Celery 5.2's worker sends it. */
    private static CompletableFuture<MingleHello.Replies> replies(String broker) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setContentEncoding("utf-8");
        properties.setHeader("clock", 42);
        byte[] body = "{\"celery@neighbour\": {\"revoked\": {\"revoked-on-a-neighbour\": 1764900000.0}, \"clock\": 42}}"
                .getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.completedFuture(new MingleHello.Replies(broker, List.of(new Message(body, properties))));
    }
}
