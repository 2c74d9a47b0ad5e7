package io.hybridmatch.indexing.consistency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every document of an index, as its id and Elasticsearch version ({@code updated_at} in epoch ms), read in pages
 * over a point in time so concurrent writes do not shift the pages.
 */
public final class DocumentScan {

    public record Document(long id, long version) {
    }

    private static final int PAGE = 1_000;

    private final ElasticsearchClient es;

    public DocumentScan(ElasticsearchClient es) {
        this.es = es;
    }

    public void forEach(SearchIndex index, Consumer<Document> each) {
        try {
            String pit = es.openPointInTime(p -> p.index(index.alias()).keepAlive(t -> t.time("1m"))).id();
            try {
                List<FieldValue> after = null;
                while (true) {
                    List<FieldValue> cursor = after;
                    SearchResponse<Void> page = es.search(s -> {
                        s.size(PAGE).version(true).source(src -> src.fetch(false))
                                .pit(p -> p.id(pit).keepAlive(t -> t.time("1m")))
                                .sort(o -> o.field(f -> f.field("_shard_doc")));
                        if (cursor != null) {
                            s.searchAfter(cursor);
                        }
                        return s;
                    }, Void.class);
                    List<Hit<Void>> hits = page.hits().hits();
                    hits.forEach(hit -> each.accept(new Document(Long.parseLong(hit.id()),
                            hit.version() == null ? 0 : hit.version())));
                    if (hits.size() < PAGE) {
                        return;
                    }
                    after = hits.getLast().sort();
                }
            } finally {
                es.closePointInTime(c -> c.id(pit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
