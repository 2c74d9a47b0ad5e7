package io.hybridmatch.celery.worker.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

class QuietShutdownRejectionsTest {

    private final QuietShutdownRejections filter = new QuietShutdownRejections();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    private FilterReply decide(Class<?> loggerClass, Level level, String message) {
        Logger logger = context.getLogger(loggerClass);
        return filter.decide(null, logger, level, message, null, null);
    }

    @Test
    void theContainersPerMessageShutdownLinesAreDropped() {
        String withHeaders = QuietShutdownRejections.REJECTING + ": (Body:'[B@1(byte[81])' MessageProperties "
                + "[headers={argsrepr=[{'name': 'Jeanne Martin', 'email': 'j@example.org'}]}])";
        assertThat(decide(DirectMessageListenerContainer.class, Level.WARN, withHeaders)).isEqualTo(FilterReply.DENY);
        assertThat(decide(SimpleMessageListenerContainer.class, Level.WARN, withHeaders)).isEqualTo(FilterReply.DENY);
        assertThat(decide(DirectMessageListenerContainer.class, Level.INFO, QuietShutdownRejections.REQUEUED))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherLineOfTheContainersAndOfOtherLoggersPasses() {
        assertThat(decide(DirectMessageListenerContainer.class, Level.WARN, "Consumer failed to start"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(QuietShutdownRejectionsTest.class, Level.WARN, QuietShutdownRejections.REJECTING))
                .as("the same words from another logger").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(DirectMessageListenerContainer.class, Level.WARN, null)).as("isWarnEnabled()")
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void installedOnceInLogbacksContext() {
        QuietShutdownRejections.install();
        QuietShutdownRejections.install();
        assertThat(context.getTurboFilterList().stream().filter(QuietShutdownRejections.class::isInstance))
                .hasSize(1);
    }
}
