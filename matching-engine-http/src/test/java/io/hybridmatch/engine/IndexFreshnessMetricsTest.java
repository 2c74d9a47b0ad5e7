package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Freshness gauges in the engine's scrape, over the demo documents indexed through the real pipeline on start. */
class IndexFreshnessMetricsTest extends EngineTest {

    @LocalServerPort
    int port;

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void freshnessOfTheDocumentsIndexedOnStart() {
        String scrape = new ContractClient(port).get("/actuator/prometheus");

        for (String index : new String[] {"candidates", "job_offers"}) {
            assertThat(value(scrape, "hybridmatch_index_freshness_documents{index=\"" + index + "\"}")).isGreaterThanOrEqualTo(8);
            double median = value(scrape, "hybridmatch_index_freshness_lag_seconds{index=\"" + index + "\",quantile=\"0.5\"}");
            double max = value(scrape, "hybridmatch_index_freshness_lag_seconds{index=\"" + index + "\",quantile=\"max\"}");
            assertThat(median).isPositive().isLessThanOrEqualTo(max);
            // indexed while this JVM started, so within the last few minutes
            assertThat(value(scrape, "hybridmatch_index_last_indexed_age_seconds{index=\"" + index + "\"}")).isBetween(0.0, 600.0);
        }
    }
}
