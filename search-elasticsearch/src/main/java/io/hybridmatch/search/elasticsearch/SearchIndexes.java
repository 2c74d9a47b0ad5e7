package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
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

    /**
     * Deletes every index behind the candidates and job_offers aliases, then {@link #ensure}s them empty: for an
     * evaluation or a benchmark on a test cluster, whose earlier documents (with newer versions) would otherwise be
     * kept over the ones loaded now.
     */
    public static SearchIndexes recreate(ElasticsearchClient client) throws IOException {
        for (SearchIndex index : SearchIndex.values()) { // the integ-test distribution has no delete-by-query
            if (client.indices().existsAlias(a -> a.name(index.alias())).value()) {
                List<String> behind = List.copyOf(client.indices().getAlias(a -> a.name(index.alias())).result().keySet());
                client.indices().delete(d -> d.index(behind));
            }
        }
        return ensure(client);
    }

    public TextAnalysis textAnalysis(SearchIndex index) {
        return textAnalysis.get(index);
    }

    public DocumentBuilder documentBuilder(SearchIndex index) {
        return new DocumentBuilder(index, textAnalysis(index));
    }
}
