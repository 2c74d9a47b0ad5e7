package io.hybridmatch.engine.feedback;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.hybridmatch.search.elasticsearch.FeedbackEventsIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Result-quality feedback (impression, click, apply, hire of a result at a rank of a search made with a fusion
 * method), stored durably in the Elasticsearch index {@link FeedbackEventsIndex}; CTR@k and conversion rates per fusion
 * method over any time window come from aggregations, so an A/B of fusion methods can be read. Counters
 * {@code hybridmatch_feedback_events_total{event,fusion}} and the gauge {@code hybridmatch_feedback_ctr{fusion}}
 * (since start) feed Prometheus.
 */
public final class FeedbackStore {

    /**
     * {@code tenantId} null: not attributed to a tenant. {@code queryId}: the offer (index {@code candidates}) or the
     * candidate (index {@code job_offers}) the search was made for, null if the client did not say; events with it
     * are the graded labels {@code eval/train --feedback} learns the ranking model from.
     */
    public record Event(String searchId, long resultId, int rank, String event, String fusion, String index, Instant occurredAt,
                        String tenantId, Long queryId) {
    }

    public record Rates(long impressions, long clicks, long applies, long hires, double ctrAtK, double applyRate,
                        double hireRate) {
    }

    private final ElasticsearchClient es;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong[]> sinceStart = new ConcurrentHashMap<>();

    public FeedbackStore(ElasticsearchClient es, MeterRegistry registry) {
        this.es = es;
        this.registry = registry;
        FeedbackEventsIndex.ensure(es);
    }

    public void record(Event e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("search_id", e.searchId());
        doc.put("result_id", e.resultId());
        doc.put("rank", e.rank());
        doc.put("event", e.event());
        doc.put("fusion", e.fusion());
        doc.put("index", e.index());
        doc.put("occurred_at", e.occurredAt().toString());
        if (e.tenantId() != null) {
            doc.put("tenant_id", e.tenantId());
        }
        if (e.queryId() != null) {
            doc.put("query_id", e.queryId());
        }
        try {
            es.index(i -> i.index(FeedbackEventsIndex.NAME).document(doc).refresh(Refresh.WaitFor));
        } catch (IOException ex) {
            throw new UncheckedIOException("feedback not stored", ex);
        }
        Counter.builder("hybridmatch.feedback.events").tag("event", e.event()).tag("fusion", e.fusion())
                .register(registry).increment();
        AtomicLong[] counts = sinceStart.computeIfAbsent(e.fusion(), fusion -> {
            AtomicLong[] created = {new AtomicLong(), new AtomicLong()};
            Gauge.builder("hybridmatch.feedback.ctr", created, c -> c[0].get() == 0 ? 0 : c[1].get() / (double) c[0].get())
                    .tag("fusion", fusion).description("clicks / impressions since start").register(registry);
            return created;
        });
        if (e.event().equals("impression")) {
            counts[0].incrementAndGet();
        } else if (e.event().equals("click")) {
            counts[1].incrementAndGet();
        }
    }

    /**
     * Rates per fusion method in [since, until): CTR@k counts impressions and clicks at rank ≤ k. With a
     * {@code tenant}, only its events; without, every event.
     */
    public Map<String, Rates> rates(Instant since, Instant until, int k, String tenant) {
        Query range = Query.of(q -> q.range(r -> r.date(d -> d.field("occurred_at").gte(since.toString()).lt(until.toString()))));
        Query window = tenant == null ? range
                : Query.of(q -> q.bool(b -> b.filter(range).filter(f -> f.term(t -> t.field("tenant_id").value(tenant)))));
        SearchResponse<Void> response;
        try {
            response = es.search(s -> s.index(FeedbackEventsIndex.NAME).size(0).query(window)
                    .aggregations("fusion", a -> a.terms(t -> t.field("fusion").size(20))
                            .aggregations("events", sub -> sub.filters(f -> f.filters(b -> b.keyed(Map.of(
                                    "impressions", event("impression", Integer.MAX_VALUE),
                                    "impressions_k", event("impression", k),
                                    "clicks", event("click", Integer.MAX_VALUE),
                                    "clicks_k", event("click", k),
                                    "applies", event("apply", Integer.MAX_VALUE),
                                    "hires", event("hire", Integer.MAX_VALUE))))))), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Rates> out = new LinkedHashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("fusion").sterms().buckets().array()) {
            Map<String, co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket> counts =
                    bucket.aggregations().get("events").filters().buckets().keyed();
            long impressions = counts.get("impressions").docCount();
            long impressionsK = counts.get("impressions_k").docCount();
            long clicks = counts.get("clicks").docCount();
            long clicksK = counts.get("clicks_k").docCount();
            long applies = counts.get("applies").docCount();
            long hires = counts.get("hires").docCount();
            out.put(bucket.key().stringValue(), new Rates(impressions, clicks, applies, hires,
                    ratio(clicksK, impressionsK), ratio(applies, clicks), ratio(hires, applies)));
        }
        return out;
    }

    private static Query event(String type, int maxRank) {
        return Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("event").value(type)))
                .filter(f -> f.range(r -> r.number(n -> n.field("rank").lte((double) maxRank))))));
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : a / (double) b;
    }
}
