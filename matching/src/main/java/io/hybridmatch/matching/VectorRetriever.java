package io.hybridmatch.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Step 2: nearest vectors of the target entity, restricted to the documents that pass the same filters as the
 * keyword side: the filter's ids (up to {@link #MAX_ALLOWED}) come from Elasticsearch and restrict FAISS
 * (exactly scored when few, so a selective filter loses nothing); past that, FAISS over-fetches and each hit is
 * checked against the filter.
 */
final class VectorRetriever {

    static final int MAX_ALLOWED = 10_000;
    private static final int OVER_FETCH = 5;

    private final ElasticsearchClient es;
    private final int maxAllowed;

    VectorRetriever(ElasticsearchClient es) {
        this(es, MAX_ALLOWED);
    }

    /** @param maxAllowed the most ids of a filter that restrict FAISS (a test's smaller bound reaches the wide path) */
    VectorRetriever(ElasticsearchClient es, int maxAllowed) {
        this.es = es;
        this.maxAllowed = maxAllowed;
    }

    RankedList search(SearchIndex target, VectorStore store, float[] vector, List<Query> filters, int size) {
        if (filters.isEmpty()) {
            return ranked(store.search(VectorQuery.of(vector, size)), size);
        }
        if (passing(target, filters) <= maxAllowed) {
            long[] allowed = ids(target, filters, maxAllowed).stream().mapToLong(Long::longValue).toArray();
            return ranked(allowed.length == 0 ? List.of() : store.search(VectorQuery.within(vector, size, allowed)), size);
        }
        List<VectorHit> wide = store.search(VectorQuery.of(vector, size * OVER_FETCH));
        List<Query> withIds = new ArrayList<>(filters);
        withIds.add(Query.of(q -> q.ids(i -> i.values(wide.stream().map(h -> Long.toString(h.id())).toList()))));
        Set<Long> kept = new HashSet<>(ids(target, withIds, wide.size()));
        return ranked(wide.stream().filter(h -> kept.contains(h.id())).toList(), size);
    }

    /**
     * How many documents pass the filters, counted no further than one past {@code maxAllowed}: no document is
     * read, the node stops counting there, and it can answer a filter it has seen from its request cache (a
     * tenant's). Reading the ids with the count instead read {@code maxAllowed} ids of every wide filter only to
     * drop them.
     */
    private long passing(SearchIndex target, List<Query> filters) {
        try {
            SearchResponse<Void> counted = es.search(s -> s.index(target.alias()).size(0)
                    .trackTotalHits(t -> t.count(maxAllowed + 1))
                    .query(q -> q.bool(b -> b.filter(filters))), Void.class);
            return counted.hits().total() == null ? Long.MAX_VALUE : counted.hits().total().value();
        } catch (IOException e) {
            throw new UncheckedIOException("count of " + target.alias() + " failed", e);
        }
    }

    /** The ids of (up to {@code size}) documents passing the filters, not counted. */
    private List<Long> ids(SearchIndex target, List<Query> filters, int size) {
        try {
            return es.search(s -> s.index(target.alias()).size(size).source(src -> src.fetch(false))
                            .trackTotalHits(t -> t.enabled(false))
                            .query(q -> q.bool(b -> b.filter(filters))), Void.class)
                    .hits().hits().stream().map(h -> Long.parseLong(h.id())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("filter of " + target.alias() + " failed", e);
        }
    }

    private static RankedList ranked(List<VectorHit> hits, int size) {
        LinkedHashMap<Long, Double> scores = new LinkedHashMap<>();
        hits.stream().limit(size).forEach(h -> scores.put(h.id(), (double) h.score()));
        return new RankedList("faiss", scores);
    }
}
