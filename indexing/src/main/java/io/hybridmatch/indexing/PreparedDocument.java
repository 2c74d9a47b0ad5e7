package io.hybridmatch.indexing;

import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.util.Map;

/**
 * A document normalised and ready to write ({@link DocumentIndexer#prepare}): nothing written yet.
 *
 * @param version its {@code updated_at} in epoch ms, Elasticsearch's external version
 * @param source  the Elasticsearch {@code _source} to write
 * @param text    what its vector is computed from
 */
public record PreparedDocument(SearchIndex index, long id, long version, Map<String, Object> source, String text) {
}
