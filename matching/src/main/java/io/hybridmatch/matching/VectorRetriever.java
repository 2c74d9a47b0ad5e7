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
import java.util.LinkedHashMap;
import java.util.List;

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

    VectorRetriever(ElasticsearchClient es) {
        this.es = es;
    }

    RankedList search(SearchIndex target, VectorStore store, float[] vector, List<Query> filters, int size) {
        if (filters.isEmpty()) {
            return ranked(store.search(VectorQuery.of(vector, size)), size);
        }
        SearchResponse<Void> passing = ids(target, filters, MAX_ALLOWED);
        long total = passing.hits().total() == null ? Long.MAX_VALUE : passing.hits().total().value();
        if (total <= MAX_ALLOWED) {
            long[] allowed = passing.hits().hits().stream().mapToLong(h -> Long.parseLong(h.id())).toArray();
            return ranked(allowed.length == 0 ? List.of() : store.search(VectorQuery.within(vector, size, allowed)), size);
        }
        List<VectorHit> wide = store.search(VectorQuery.of(vector, size * OVER_FETCH));
        List<Query> withIds = new java.util.ArrayList<>(filters);
        withIds.add(Query.of(q -> q.ids(i -> i.values(wide.stream().map(h -> Long.toString(h.id())).toList()))));
        java.util.Set<Long> kept = new java.util.HashSet<>();
        ids(target, withIds, wide.size()).hits().hits().forEach(h -> kept.add(Long.parseLong(h.id())));
        return ranked(wide.stream().filter(h -> kept.contains(h.id())).toList(), size);
    }

    private SearchResponse<Void> ids(SearchIndex target, List<Query> filters, int size) {
        try {
            return es.search(s -> s.index(target.alias()).size(size).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(filters))), Void.class);
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
