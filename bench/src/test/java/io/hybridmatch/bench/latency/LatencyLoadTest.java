package io.hybridmatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's line on the tail: which offers its requests were for. */
class LatencyLoadTest {

    @Test
    void theSlowestHundredthNamesItsOffersAndTheirMedians() {
        double[] ms = new double[200];
        long[] offers = new long[200];
        for (int i = 0; i < ms.length; i++) {
            offers[i] = i % 4;
            ms[i] = 10 + i % 4;
        }
        ms[37] = 90; // offer 1, otherwise 11 ms: a stall beside it
        ms[142] = 80; // offer 2, otherwise 12 ms
        MatchRequests.Result result = new MatchRequests.Result(ms, offers, null, null, null, null);
        assertThat(LatencyLoad.slowest(result)).endsWith(" 90.0 (1, 11.0) 80.0 (2, 12.0)\n");
    }
}
