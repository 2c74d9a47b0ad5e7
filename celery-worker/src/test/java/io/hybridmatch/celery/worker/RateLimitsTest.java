package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate limits read as celery.utils.time.rate reads them, and spaced as Celery's token bucket of capacity 1. */
class RateLimitsTest {

    @Test
    void ratesAreTasksPerSecond() {
        assertThat(RateLimits.perSecond("10/m")).isEqualTo(10 / 60.0);
        assertThat(RateLimits.perSecond("7200/h")).isEqualTo(2.0);
        assertThat(RateLimits.perSecond("5")).isEqualTo(5.0);
        assertThat(RateLimits.perSecond("5/s")).isEqualTo(5.0);
        assertThat(RateLimits.perSecond(3)).isEqualTo(3.0);
        assertThat(RateLimits.perSecond("")).isZero();
        assertThat(RateLimits.perSecond(null)).isZero();
    }

    @Test
    void badRatesRaiseWhatPythonRaises() {
        assertThat(catchThrowableOfType(ControlCommandError.class, () -> RateLimits.perSecond("1/y")).reply())
                .isEqualTo(Map.of("error", "KeyError('y')"));
        assertThat(catchThrowableOfType(ControlCommandError.class, () -> RateLimits.perSecond("x/y")).reply())
                .isEqualTo(Map.of("error", "KeyError('y')"));
        ControlCommandError count = catchThrowableOfType(ControlCommandError.class, () -> RateLimits.perSecond("x/s"));
        assertThat(count.pythonType()).isEqualTo("ValueError");
        assertThat(count.repr()).isEqualTo("ValueError(\"could not convert string to float: 'x'\")");
    }

    @Test
    void runsOfALimitedTaskStartOneIntervalApartAndOthersAreFree() throws Exception {
        RateLimits limits = new RateLimits();
        limits.set("tests.add", "20/s");

        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            limits.acquire("tests.add");
        }
        long limited = System.nanoTime() - t0;

        // the first token at once, then one every 50 ms
        assertThat(limited).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(limits.texts()).isEqualTo(Map.of("tests.add", "20/s"));
        limits.set("tests.add", "");
        assertThat(limits.texts()).isEmpty();
    }
}
