package io.hybridmatch.normalization.taxonomy;

import io.hybridmatch.normalization.TextFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How labels and the words of a document are compared: folded (case, accents, punctuation), small function words
 * of French and English dropped ("gestion de projet" = "gestion des projets" = "gestion projet"), plural endings
 * dropped ("microservices" = "microservice", "données" = "donnée"), French feminine forms of titles brought to the
 * masculine ("développeuse" = "développeur", "infirmière" = "infirmier", "directrice" = "directeur"). These are
 * keys, never shown: a rule that mangles a rare word mangles it the same way on both sides.
 * Both sides of every lookup go through it.
 */
public final class LabelKey {

    private static final Set<String> FUNCTION_WORDS = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "un",
            "une", "et", "en", "au", "aux", "a", "pour", "sur", "avec", "of", "the", "and", "an", "in", "for", "on",
            "with", "to", "&");

    private LabelKey() {
    }

    /** The comparable words of a text, in order. */
    public static List<String> tokens(String text) {
        List<String> words = TextFolding.tokens(text.replace('\'', ' '));
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            if (!FUNCTION_WORDS.contains(word) || words.size() == 1) {
                out.add(masculine(singular(word)));
            }
        }
        return out;
    }

    public static String of(String text) {
        return String.join(" ", tokens(text));
    }

    /** French feminine endings of job titles (folded: no accents). */
    static String masculine(String word) {
        if (word.length() > 5 && word.endsWith("trice")) {
            return word.substring(0, word.length() - 5) + "teur";
        }
        if (word.length() > 5 && word.endsWith("euse")) {
            return word.substring(0, word.length() - 4) + "eur";
        }
        if (word.length() > 5 && (word.endsWith("ienne") || word.endsWith("eure"))) {
            return word.substring(0, word.length() - (word.endsWith("ienne") ? 3 : 1));
        }
        if (word.length() > 4 && (word.endsWith("ere") || word.endsWith("ee"))) {
            return word.substring(0, word.length() - (word.endsWith("ere") ? 2 : 1)) + (word.endsWith("ere") ? "r" : "");
        }
        if (word.length() > 6 && word.endsWith("ale")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** French and English plural endings; short words (aws, ios, css) and -ss/-us/-is words are left alone. */
    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("aux")) {
            return word.substring(0, word.length() - 1); // bureaux -> bureau; travaux keeps a usable key: travau
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")
                && Character.isLetter(word.charAt(word.length() - 2))) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
