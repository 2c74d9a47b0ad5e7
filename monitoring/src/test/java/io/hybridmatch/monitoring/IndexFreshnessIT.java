package io.hybridmatch.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.IndexedDocument;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Freshness over real candidate documents in a real Elasticsearch, in a window of the future no other test uses. */
class IndexFreshnessIT {

    /** Documents of this test are indexed in the hour before NOW. */
    private static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");
    private static final long FIRST_ID = 9_310_000L;

    private static ElasticsearchClient es;
    private static SearchIndexes indexes;

    /** Mutable so that the scrape-sharing of one query can be stepped over. */
    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeAll
    static void documents() throws IOException {
        es = ElasticsearchClients.create(TestElasticsearch.url());
        indexes = SearchIndexes.ensure(es);
        // Ten documents indexed in the last 15 minutes with lags of 10 s, 20 s, ... 100 s, the newest 60 s ago.
        for (int i = 1; i <= 10; i++) {
            Instant indexedAt = NOW.minusSeconds(60L * (11 - i));
            index(FIRST_ID + i, indexedAt.minusSeconds(10L * i), indexedAt);
        }
        // Indexed long before the window, with a huge lag that must not count.
        index(FIRST_ID, NOW.minus(Duration.ofHours(1)).minusSeconds(100_000), NOW.minus(Duration.ofHours(1)));
        es.indices().refresh(r -> r.index(SearchIndex.CANDIDATES.alias()));
    }

    private static void index(long id, Instant updatedAt, Instant indexedAt) throws IOException {
        IndexedDocument doc = indexes.documentBuilder(SearchIndex.CANDIDATES).build(Map.of(
                "candidate_id", id, "first_name", "Fresh", "last_name", "Ness", "headline", "freshness probe",
                "skills", List.of("java"), "updated_at", updatedAt.toString(), "indexed_at", indexedAt.toString()));
        es.index(i -> i.index(SearchIndex.CANDIDATES.alias()).id(doc.id()).document(doc.source()).refresh(Refresh.True));
    }

    @AfterAll
    static void close() throws IOException {
        for (long id = FIRST_ID; id <= FIRST_ID + 10; id++) {
            String docId = Long.toString(id);
            es.delete(d -> d.index(SearchIndex.CANDIDATES.alias()).id(docId).refresh(Refresh.True));
        }
        es.close();
    }

    @Test
    void lagOfTheDocumentsIndexedInTheWindow() {
        IndexFreshness freshness = new IndexFreshness(es, List.of(SearchIndex.CANDIDATES.alias()), Duration.ofMinutes(15),
                Clock.fixed(NOW, ZoneOffset.UTC));

        IndexFreshness.Lag lag = freshness.lag(SearchIndex.CANDIDATES.alias());

        assertThat(lag.documents()).isEqualTo(10);
        assertThat(lag.maxSeconds()).isEqualTo(100.0);
        assertThat(lag.p50Seconds()).isEqualTo(50.0);
        assertThat(lag.p95Seconds()).isEqualTo(100.0);
        assertThat(lag.lastIndexedAt()).contains(NOW.minusSeconds(60));
    }

    @Test
    void anEmptyWindowHasNoLag() {
        IndexFreshness freshness = new IndexFreshness(es, List.of(SearchIndex.CANDIDATES.alias()), Duration.ofMinutes(15),
                Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));

        IndexFreshness.Lag lag = freshness.lag(SearchIndex.CANDIDATES.alias());

        assertThat(lag.documents()).isZero();
        assertThat(lag.p95Seconds()).isNaN();
        assertThat(lag.maxSeconds()).isNaN();
        assertThat(lag.lastIndexedAt()).isEmpty();
    }

    @Test
    void gaugesInThePrometheusScrape() {
        MovableClock clock = new MovableClock();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new IndexFreshness(es, List.of(SearchIndex.CANDIDATES.alias()), Duration.ofMinutes(15), clock).bindTo(registry);

        String scrape = registry.scrape();
        assertThat(value(scrape, "hybridmatch_index_freshness_lag_seconds{index=\"candidates\",quantile=\"max\"}")).isEqualTo(100.0);
        assertThat(value(scrape, "hybridmatch_index_freshness_lag_seconds{index=\"candidates\",quantile=\"0.5\"}")).isEqualTo(50.0);
        assertThat(value(scrape, "hybridmatch_index_freshness_documents{index=\"candidates\"}")).isEqualTo(10.0);
        assertThat(value(scrape, "hybridmatch_index_last_indexed_age_seconds{index=\"candidates\"}")).isEqualTo(60.0);

        // Ten minutes later, nothing indexed since: four documents left in the window, the newest one older.
        clock.now = NOW.plus(Duration.ofMinutes(10));
        scrape = registry.scrape();
        assertThat(value(scrape, "hybridmatch_index_freshness_documents{index=\"candidates\"}")).isEqualTo(4.0);
        assertThat(value(scrape, "hybridmatch_index_last_indexed_age_seconds{index=\"candidates\"}")).isEqualTo(660.0);
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new IndexFreshness(es, List.of("candidates"), Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(m.find()).as("%s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
