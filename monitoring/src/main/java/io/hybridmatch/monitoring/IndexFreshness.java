package io.hybridmatch.monitoring;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Index freshness read from the documents themselves: every indexed document carries its {@code updated_at} and the
 * {@code indexed_at} stamped by the indexing pipeline, so the lag of the documents indexed during the last
 * {@code window} is one query, whichever process indexed them (the stateless workers export no HTTP metrics,
 * and nothing has to be called by the pipeline).
 *
 * <p>Gauges: {@code hybridmatch_index_freshness_lag_seconds{index,quantile="0.5"|"0.95"|"max"}},
 * {@code hybridmatch_index_freshness_documents{index}} (documents indexed in the window) and
 * {@code hybridmatch_index_last_indexed_age_seconds{index}} (time since the newest indexing; grows when nothing is
 * indexed). One query per index serves all its gauges of a scrape.
 */
public final class IndexFreshness implements MeterBinder {

    /** Lag of the documents indexed in a window; the lag fields are NaN when there were none. */
    public record Lag(String index, Instant since, Instant until, long documents, double p50Seconds, double p95Seconds,
                      double maxSeconds, Optional<Instant> lastIndexedAt) {
    }

    /** The newest documents of the window that the lag is computed on (Elasticsearch's default result window). */
    static final int SAMPLE = 10_000;
    /** Gauges of one scrape share a query. */
    private static final Duration REUSE = Duration.ofSeconds(5);

    private final ElasticsearchClient es;
    private final List<String> indexes;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Lag> latest = new ConcurrentHashMap<>();

    public IndexFreshness(ElasticsearchClient es, List<String> indexes, Duration window, Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("freshness window must be positive, got " + window);
        }
        this.es = es;
        this.indexes = List.copyOf(indexes);
        this.window = window;
        this.clock = clock;
    }

    /**
     * Lag of the documents of {@code index} (an alias) indexed during the window ending now, computed on the newest
     * {@link #SAMPLE} of them. Plain doc values, no script: it works on clusters without Painless.
     */
    public Lag lag(String index) {
        Instant until = clock.instant();
        Instant since = until.minus(window);
        SearchResponse<Void> response;
        try {
            response = es.search(s -> s.index(index).size(SAMPLE).trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.fetch(false))
                    .query(q -> q.range(r -> r.date(d -> d.field("indexed_at").gt(since.toString()).lte(until.toString()))))
                    .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Desc)))
                    .docvalueFields(f -> f.field("updated_at").format("epoch_millis"))
                    .docvalueFields(f -> f.field("indexed_at").format("epoch_millis")), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("freshness of " + index + " not read", e);
        }
        List<Hit<Void>> hits = response.hits().hits();
        double[] lags = hits.stream().filter(hit -> hit.fields().containsKey("updated_at"))
                .mapToDouble(hit -> (millis(hit, "indexed_at") - millis(hit, "updated_at")) / 1000.0).sorted().toArray();
        long documents = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new Lag(index, since, until, documents, rank(lags, 0.5), rank(lags, 0.95),
                lags.length == 0 ? Double.NaN : lags[lags.length - 1],
                hits.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis(hits.getFirst(), "indexed_at"))));
    }

    private static long millis(Hit<Void> hit, String field) {
        // epoch_millis doc values come back as strings, possibly with a fraction
        return (long) Double.parseDouble(hit.fields().get(field).toJson().asJsonArray().getString(0));
    }

    /** Nearest-rank quantile of sorted values. */
    private static double rank(double[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(quantile * sorted.length) - 1];
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String index : indexes) {
            gauge(registry, "hybridmatch.index.freshness.lag", index, "0.5", Lag::p50Seconds);
            gauge(registry, "hybridmatch.index.freshness.lag", index, "0.95", Lag::p95Seconds);
            gauge(registry, "hybridmatch.index.freshness.lag", index, "max", Lag::maxSeconds);
            Gauge.builder("hybridmatch.index.freshness.documents", () -> recent(index).documents()).tag("index", index)
                    .description("documents indexed during the freshness window").register(registry);
            Gauge.builder("hybridmatch.index.last.indexed.age", () -> recent(index).lastIndexedAt()
                            .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN))
                    .tag("index", index).baseUnit("seconds")
                    .description("time since the newest document was indexed (NaN: none in the window)").register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String index, String quantile, ToDoubleFunction<Lag> value) {
        Gauge.builder(name, () -> value.applyAsDouble(recent(index))).tag("index", index).tag("quantile", quantile)
                .baseUnit("seconds").description("updated_at to indexed_at of the documents indexed during the window")
                .register(registry);
    }

    private Lag recent(String index) {
        return latest.compute(index, (key, previous) ->
                previous != null && previous.until().plus(REUSE).isAfter(clock.instant()) ? previous : lag(key));
    }
}
