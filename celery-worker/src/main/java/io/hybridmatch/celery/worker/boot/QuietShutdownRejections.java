package io.hybridmatch.celery.worker.boot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;

/**
 * Drops the two lines Spring AMQP's listener containers write for each prefetched message they hand back to the
 * broker while stopping: a WARN that prints the whole message — its headers carry Celery's {@code argsrepr}, for an
 * indexing task the candidate's profile, which has no place in a log — and an INFO with a stack trace. Giving
 * unstarted messages back is what a warm shutdown is for (Celery's worker does it without a word); the worker says
 * so once instead ({@code TaskConsumers}). Every other line of the containers passes.
 */
final class QuietShutdownRejections extends TurboFilter {

    static final String REJECTING = "Rejecting received message(s) because the listener container has been stopped";
    static final String REQUEUED = "Listener rejected message while stopping (requeued)";
    private static final String CONTAINERS = AbstractMessageListenerContainer.class.getPackageName() + ".";

    /** Added once to Logback's context, when Logback is the application's logging backend. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(QuietShutdownRejections.class::isInstance)) {
            QuietShutdownRejections filter = new QuietShutdownRejections();
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (format == null || !logger.getName().startsWith(CONTAINERS)) {
            return FilterReply.NEUTRAL;
        }
        return format.startsWith(REJECTING) || format.equals(REQUEUED) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
