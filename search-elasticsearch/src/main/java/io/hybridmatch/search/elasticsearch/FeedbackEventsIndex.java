package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The index of result-quality feedback events (impression, click, apply, hire of a result at a rank), beside the
 * document indexes: one unversioned index with a strict mapping, so an event with an unknown field is refused.
 */
public final class FeedbackEventsIndex {

    public static final String NAME = "feedback_events";

    private FeedbackEventsIndex() {
    }

    /** Creates the index, or adds the fields events gained since it was created (tenant, query). */
    public static void ensure(ElasticsearchClient es) {
        try {
            if (!es.indices().exists(e -> e.index(NAME)).value()) {
                es.indices().create(c -> c.index(NAME).mappings(m -> m.dynamic(DynamicMapping.Strict)
                        .properties("search_id", p -> p.keyword(k -> k))
                        .properties("result_id", p -> p.long_(l -> l))
                        .properties("rank", p -> p.integer(i -> i))
                        .properties("event", p -> p.keyword(k -> k))
                        .properties("fusion", p -> p.keyword(k -> k))
                        .properties("index", p -> p.keyword(k -> k))
                        .properties("occurred_at", p -> p.date(d -> d))
                        .properties("tenant_id", p -> p.keyword(k -> k))
                        .properties("query_id", p -> p.long_(l -> l))));
            } else { // adding fields to a strict mapping is allowed
                es.indices().putMapping(m -> m.index(NAME).properties("tenant_id", p -> p.keyword(k -> k))
                        .properties("query_id", p -> p.long_(l -> l)));
            }
        } catch (ElasticsearchException e) {
            // another engine created it at the same time
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
