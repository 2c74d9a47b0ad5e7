package io.hybridmatch.matching;

import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.hybridmatch.normalization.DocumentKind;
import java.util.List;

/**
 * The part of a target document's {@code _source} that scoring reads: all but its free texts and names, which are
 * most of its bytes and which no feature compares (the text is matched inside Elasticsearch and embedded at
 * indexing), and its times (parsing a hundred of them was 6 % of a request's allocation). Excluded rather than listed, so a field a new feature reads is fetched without being named here.
 */
final class ScoringSource {

    private ScoringSource() {
    }

    static List<String> unscored(DocumentKind kind) {
        return kind == DocumentKind.CANDIDATE ? List.of("summary", "headline", "first_name", "last_name", "updated_at")
                : List.of("description", "title", "company", "posted_at", "updated_at");
    }

    static SourceConfig of(DocumentKind kind) {
        return SourceConfig.of(s -> s.filter(f -> f.excludes(unscored(kind))));
    }
}
