package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The candidates and job_offers indexes as they exist in the cluster, with the text analysis
 * each was built with. Obtain it at start-up with {@link #ensure}.
 */
public final class SearchIndexes {

    private final Map<SearchIndex, TextAnalysis> textAnalysis;

    private SearchIndexes(Map<SearchIndex, TextAnalysis> textAnalysis) {
        this.textAnalysis = textAnalysis;
    }

    /**
     * Creates what is missing (index templates, versioned indexes, aliases) and reads back the
     * text-analysis mode of every index. Idempotent; safe to call on every start.
     */
    public static SearchIndexes ensure(ElasticsearchClient client) throws IOException {
        IndexBootstrap bootstrap = new IndexBootstrap(client);
        TextAnalysisMode detected = TextAnalysisMode.detect(client);
        Map<SearchIndex, TextAnalysis> analysis = new EnumMap<>(SearchIndex.class);
        for (SearchIndex index : SearchIndex.values()) {
            analysis.put(index, new TextAnalysis(index, bootstrap.ensure(index, detected)));
        }
        return new SearchIndexes(analysis);
    }

    public TextAnalysis textAnalysis(SearchIndex index) {
        return textAnalysis.get(index);
    }

    public DocumentBuilder documentBuilder(SearchIndex index) {
        return new DocumentBuilder(index, textAnalysis(index));
    }
}
