package io.hybridmatch.engine.timing;

import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.MatchStages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accounts for the whole of a match request: opens its {@link MatchStages} (the request's observation is their
 * parent), lets the stages record themselves as the request goes (request JSON, source, retrieval, fusion, fetch,
 * scoring, response JSON), then records what no stage reports as the stage {@code unreported}: the filters
 * inside this one (API key check), Spring MVC's dispatch and validation, the controller's own work.
 */
public final class MatchTiming extends OncePerRequestFilter {

    static final String ATTRIBUTE = MatchTiming.class.getName();
    public static final String UNREPORTED = "unreported";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    public MatchTiming(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    /** The stages of {@code request}, when this filter saw it. */
    public static Optional<MatchStages> stages(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof MatchStages stages ? Optional.of(stages) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MatchDirection direction = request.getRequestURI().endsWith("/offers")
                ? MatchDirection.OFFERS_FOR_CANDIDATE : MatchDirection.CANDIDATES_FOR_OFFER;
        MatchStages stages = new MatchStages(observations, observations.getCurrentObservation(), direction);
        request.setAttribute(ATTRIBUTE, stages);
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            stages.stopAll(failure); // the response JSON stage ends when the body is written
            long unreported = Math.max(0, System.nanoTime() - start - stages.stagesNanos());
            // the same tags as the stages' observation timers: one Prometheus metric must keep one set of labels
            Timer.builder(MatchStages.STAGE).tag("stage", UNREPORTED).tag("direction", stages.direction())
                    .tag("error", failure == null ? "none" : failure.getClass().getSimpleName())
                    .register(meters).record(Duration.ofNanos(unreported));
        }
    }
}
