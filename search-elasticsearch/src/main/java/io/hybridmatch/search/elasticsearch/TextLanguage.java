package io.hybridmatch.search.elasticsearch;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * A language that text fields are analysed in. The Lucene analyzer is the one Elasticsearch's
 * built-in analyzer of the same language wraps, so both modes produce the same terms.
 */
public enum TextLanguage {

    FRENCH("fr", "french", FrenchAnalyzer::new),
    ENGLISH("en", "english", EnglishAnalyzer::new);

    private final String suffix;
    private final String serverAnalyzer;
    @SuppressWarnings("ImmutableEnumChecker") // a constructor reference, stateless
    private final Supplier<Analyzer> luceneAnalyzer;

    TextLanguage(String suffix, String serverAnalyzer, Supplier<Analyzer> luceneAnalyzer) {
        this.suffix = suffix;
        this.serverAnalyzer = serverAnalyzer;
        this.luceneAnalyzer = luceneAnalyzer;
    }

    /** The sibling field holding {@code baseField} analysed in this language, e.g. {@code summary_fr}. */
    public String fieldName(String baseField) {
        return baseField + "_" + suffix;
    }

    /** Name of the analyzer in Elasticsearch's analysis-common module. */
    String serverAnalyzer() {
        return serverAnalyzer;
    }

    Analyzer newLuceneAnalyzer() {
        return luceneAnalyzer.get();
    }
}
