package io.hybridmatch.search.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Runs Lucene's language analyzers in this JVM and joins the resulting terms with spaces, which
 * the server's whitespace analyzer splits back into exactly these terms. Lucene analyzers are
 * thread-safe, so one instance per language serves the whole application.
 */
final class LuceneTextAnalyzer {

    private static final Map<TextLanguage, Analyzer> ANALYZERS = new EnumMap<>(TextLanguage.class);

    static {
        for (TextLanguage language : TextLanguage.values()) {
            ANALYZERS.put(language, language.newLuceneAnalyzer());
        }
    }

    private LuceneTextAnalyzer() {
    }

    static String terms(TextLanguage language, String text) {
        StringJoiner terms = new StringJoiner(" ");
        try (TokenStream stream = ANALYZERS.get(language).tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term);
            }
            stream.end();
        } catch (IOException e) {
            // Analysing an in-memory string performs no I/O.
            throw new UncheckedIOException(e);
        }
        return terms.toString();
    }
}
