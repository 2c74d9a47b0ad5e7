package io.hybridmatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The engine's collector between two scrapes, summed over the series of each metric. */
class MatchRequestsTest {

    private static String scrape(double allocated, double youngPauses, double youngSeconds) {
        return """
                # TYPE jvm_gc_memory_allocated_bytes_total counter
                jvm_gc_memory_allocated_bytes_total %s
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %s
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %s
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 2.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 0.05
                jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.9
                """.formatted(allocated, youngPauses, youngSeconds);
    }

    @Test
    void theCollectorsWorkBetweenTwoScrapes() {
        MatchRequests.Gc gc = MatchRequests.Gc.between(scrape(1.5E9, 10, 0.2), scrape(2.75E9, 13, 0.245));
        assertThat(gc.allocatedBytes()).isCloseTo(1.25E9, within(1.0));
        assertThat(gc.pauses()).isEqualTo(3.0);
        assertThat(gc.pauseSeconds()).isCloseTo(0.045, within(1e-9));
    }

    @Test
    void noPauseYetIsNoneButNoAllocationCounterIsUnknown() {
        String noJvmMetrics = "http_server_requests_seconds_count 4.0\n";
        MatchRequests.Gc gc = MatchRequests.Gc.between(noJvmMetrics, noJvmMetrics);
        assertThat(gc.pauses()).isZero();
        assertThat(gc.allocatedBytes()).isNaN();
        String beforeAnyPause = "jvm_gc_memory_allocated_bytes_total 0.0\n";
        assertThat(MatchRequests.Gc.between(beforeAnyPause, scrape(1E8, 1, 0.01)).pauses()).isEqualTo(3.0);
    }
}
