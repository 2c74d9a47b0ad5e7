package io.hybridmatch.worker.tasks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how often an indexing task waits for Elasticsearch or the engine to come back
 * ({@code hybridmatch.indexing.retry.*}): capped exponential back-off with jitter, for {@code horizon} from the first
 * retry; then the task fails and its message is dead-lettered (replayable with {@code bin/replay-dead-letters}).
 * Retries wait in the broker's delay queues, so they survive worker restarts.
 *
 * @param initialDelay the first retry's delay
 * @param maxDelay     the cap of the doubling delays
 * @param jitter       fraction of each delay drawn at random (0 = none, 1 = anywhere from 0 to the delay), so
 *                     tasks parked together do not all come back at the same instant
 * @param horizon      how long a task keeps trying
 */
@ConfigurationProperties("hybridmatch.indexing.retry")
public record InfrastructureRetry(
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("10m") Duration maxDelay,
        @DefaultValue("0.5") double jitter,
        @DefaultValue("1d") Duration horizon) {

    public InfrastructureRetry {
        if (!initialDelay.isPositive() || maxDelay.compareTo(initialDelay) < 0 || jitter < 0 || jitter > 1
                || !horizon.isPositive()) {
            throw new IllegalArgumentException("hybridmatch.indexing.retry: need 0 < initial-delay <= max-delay, "
                    + "0 <= jitter <= 1 and a positive horizon, got " + this);
        }
    }

    /** The wait before retry number {@code retries + 1}. */
    public Duration countdown(int retries) {
        long cap = maxDelay.toMillis();
        long delay = Math.min(cap, initialDelay.toMillis() << Math.min(retries, 30));
        return Duration.ofMillis(Math.max(1, Math.round(delay * (1 - jitter * ThreadLocalRandom.current().nextDouble()))));
    }
}
