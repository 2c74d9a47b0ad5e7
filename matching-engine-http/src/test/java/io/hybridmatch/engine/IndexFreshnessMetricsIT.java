package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Freshness gauges in the engine's scrape after a candidate changed two minutes ago is indexed through the pipeline. */
class IndexFreshnessMetricsIT extends EngineIT {

    @Autowired
    DocumentIndexer indexer;

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void lagOfADocumentJustIndexed() {
        indexer.index(SearchIndex.CANDIDATES, Map.of("candidate_id", 7_340_001L, "first_name", "Lina", "last_name",
                "Moreau", "headline", "Data engineer", "skills", List.of("python", "spark"), "location", "Lyon",
                "experience_years", 4, "updated_at", Instant.now().minusSeconds(120).toString()));

        String scrape = client.get("/actuator/prometheus");

        assertThat(value(scrape, "hybridmatch_index_freshness_documents{index=\"candidates\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_index_freshness_lag_seconds{index=\"candidates\",quantile=\"max\"}"))
                .isGreaterThanOrEqualTo(120);
        assertThat(value(scrape, "hybridmatch_index_last_indexed_age_seconds{index=\"candidates\"}")).isBetween(0.0, 60.0);
        // the demo offers, indexed on start, are weeks older than their indexing
        assertThat(value(scrape, "hybridmatch_index_freshness_lag_seconds{index=\"job_offers\",quantile=\"0.5\"}"))
                .isGreaterThan(86_400);
    }
}
