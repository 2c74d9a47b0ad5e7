package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Language analysis of one index's text fields, in the mode the index was built with. Documents
 * and queries must both go through it, so that they meet on the same terms.
 */
public final class TextAnalysis {

    private final SearchIndex index;
    private final TextAnalysisMode mode;

    public TextAnalysis(SearchIndex index, TextAnalysisMode mode) {
        this.index = index;
        this.mode = mode;
    }

    public TextAnalysisMode mode() {
        return mode;
    }

    /**
     * The text to send in a query against {@code language.fieldName(field)}: the Lucene terms in
     * CLIENT mode, the text unchanged in SERVER mode (the server analyses it).
     */
    public String queryText(String field, TextLanguage language, String text) {
        requireTextField(field);
        return mode == TextAnalysisMode.CLIENT ? LuceneTextAnalyzer.terms(language, text) : text;
    }

    /** A match query for {@code text} on the {@code language} sibling of a text field. */
    public Query match(String field, TextLanguage language, String text) {
        String terms = queryText(field, language, text);
        return Query.of(query -> query.match(match -> match.field(language.fieldName(field)).query(terms)));
    }

    /** Matches {@code text} in any language of a text field (the better-scoring language wins). */
    public Query matchAnyLanguage(String field, String text) {
        return Query.of(query -> query.disMax(disMax -> disMax.queries(Arrays.stream(TextLanguage.values())
                .map(language -> match(field, language, text))
                .toList())));
    }

    /**
     * The language sibling fields a document must carry for {@code text} in {@code field}. None in
     * SERVER mode, where the mapping copies the field into its siblings ({@code copy_to}).
     */
    Map<String, String> languageFields(String field, String text) {
        Map<String, String> siblings = new LinkedHashMap<>();
        if (mode == TextAnalysisMode.CLIENT) {
            for (TextLanguage language : TextLanguage.values()) {
                siblings.put(language.fieldName(field), LuceneTextAnalyzer.terms(language, text));
            }
        }
        return siblings;
    }

    private void requireTextField(String field) {
        if (!index.isTextField(field)) {
            throw new IllegalArgumentException(field + " is not a text field of " + index.alias());
        }
    }
}
