package io.hybridmatch.eval;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Graded labels from the feedback events the engine's monitoring stores ({@code feedback_events}, written by
 * {@code FeedbackStore}): per search query (the event's {@code query_id} and {@code index}), each result's grade is its
 * strongest event — impression 0, click 1, apply 2, hire 3. Queries with no click or better carry no preference and
 * are left out; events without {@code query_id} cannot be tied to a query and are counted, not used.
 */
final class FeedbackJudgements {

    static final String INDEX = "feedback_events";
    static final Map<String, Integer> GRADES = Map.of("impression", 0, "click", 1, "apply", 2, "hire", 3);
    private static final int PAGE = 5_000;

    /** One judged search: its direction, query document and the grade of each result shown. */
    record Judged(MatchDirection direction, long queryId, Map<Long, Integer> grades) {
    }

    record Read(List<Judged> judged, long events, long withoutQuery) {
    }

    private FeedbackJudgements() {
    }

    @SuppressWarnings("unchecked")
    static Read read(ElasticsearchClient es, Instant since) throws IOException {
        Map<String, Map<Long, Integer>> byQuery = new LinkedHashMap<>();
        long events = 0;
        long withoutQuery = 0;
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<Map> page = es.search(s -> {
                s.index(INDEX).size(PAGE).sort(o -> o.field(f -> f.field("occurred_at").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("_doc").order(SortOrder.Asc)))
                        .query(q -> q.range(r -> r.date(d -> d.field("occurred_at").gte(since.toString()))));
                return from == null ? s : s.searchAfter(from);
            }, Map.class);
            List<Hit<Map>> hits = page.hits().hits();
            for (Hit<Map> hit : hits) {
                Map<String, Object> e = hit.source();
                events++;
                Integer grade = GRADES.get((String) e.get("event"));
                if (e.get("query_id") == null || grade == null) {
                    withoutQuery++;
                    continue;
                }
                String key = e.getOrDefault("index", SearchIndex.CANDIDATES.alias()) + "/" + ((Number) e.get("query_id")).longValue();
                byQuery.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .merge(((Number) e.get("result_id")).longValue(), grade, Math::max);
            }
            if (hits.size() < PAGE) {
                break;
            }
            after = hits.getLast().sort();
        }
        List<Judged> judged = new ArrayList<>();
        byQuery.forEach((key, grades) -> {
            if (grades.values().stream().anyMatch(g -> g > 0)) {
                String index = key.substring(0, key.indexOf('/'));
                judged.add(new Judged(direction(index), Long.parseLong(key.substring(key.indexOf('/') + 1)), grades));
            }
        });
        return new Read(judged, events, withoutQuery);
    }

    /** The judged results of each search as training queries: the matcher's pool re-ranked, judged hits only. */
    static List<RankingQuery> queries(List<Judged> judged, PoolCollector pools, FusionConfig fusion) {
        List<RankingQuery> out = new ArrayList<>();
        for (Judged j : judged) {
            RankingQuery pool;
            try {
                pool = pools.collect("feedback", j.direction(), j.queryId(), fusion, id -> j.grades().getOrDefault(id, -1), new int[0]);
            } catch (NoSuchElementException gone) {
                continue; // the query document was deleted since
            }
            List<RankingQuery.Hit> shown = pool.hits().stream().filter(h -> h.grade() >= 0).toList();
            int[] all = j.grades().values().stream().mapToInt(Integer::intValue).toArray();
            if (!shown.isEmpty()) {
                out.add(new RankingQuery("feedback", j.direction(), j.queryId(), shown, all));
            }
        }
        return out;
    }

    /** A search of the candidates index was for an offer, and the reverse. */
    private static MatchDirection direction(String index) {
        for (MatchDirection d : MatchDirection.values()) {
            if (d.target().alias().equals(index)) {
                return d;
            }
        }
        throw new IllegalArgumentException("feedback event of unknown index " + index);
    }
}
