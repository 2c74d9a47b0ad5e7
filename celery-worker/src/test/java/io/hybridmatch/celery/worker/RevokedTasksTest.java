package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The revoked set keeps Celery's limits (worker/state.py: LimitedSet(maxlen=50000, expires=10800)). */
class RevokedTasksTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final RevokedTasks revoked = new RevokedTasks(nanos::get);

    @Test
    void anIdIsForgottenThreeHoursAfterItWasRevoked() {
        revoked.revoke(List.of("a"));
        nanos.addAndGet(RevokedTasks.EXPIRES.toNanos() - 1);
        revoked.revoke(List.of("b"));

        assertThat(revoked.isRevoked("a")).isTrue();
        nanos.addAndGet(2);
        assertThat(revoked.isRevoked("a")).isFalse();
        assertThat(revoked.ids()).containsExactly("b");
    }

    @Test
    void theOldestIdsGoFirstBeyondFiftyThousand() {
        revoked.revoke(IntStream.range(0, RevokedTasks.MAX + 2).mapToObj(i -> "t" + i).toList());

        assertThat(revoked.ids()).hasSize(RevokedTasks.MAX).startsWith("t2").endsWith("t" + (RevokedTasks.MAX + 1));
        assertThat(revoked.isRevoked("t0")).isFalse();
    }

    @Test
    void revokingAgainRefreshesAndHelloSendsMonotonicSeconds() {
        revoked.revoke(List.of("a", "b"));
        nanos.addAndGet(1_500_000_000L);
        revoked.revoke(List.of("a"));

        assertThat(revoked.revokedAt()).containsExactly(
                java.util.Map.entry("b", 1000.0), java.util.Map.entry("a", 1001.5));
    }
}
