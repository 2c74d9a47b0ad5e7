package io.hybridmatch.normalization.taxonomy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How labels and the words of a document are compared: folded (case, accents, punctuation), small function words
 * of French and English dropped ("gestion de projet" = "gestion des projets" = "gestion projet"), plural endings
 * dropped ("microservices" = "microservice", "données" = "donnée"), French feminine forms of titles brought to the
 * masculine ("développeuse" = "développeur", "infirmière" = "infirmier", "directrice" = "directeur"). These are
 * keys, never shown: a rule that mangles a rare word mangles it the same way on both sides.
 * Both sides of every lookup go through it.
 */
public final class LabelKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> FUNCTION_WORDS = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "un",
            "une", "et", "en", "au", "aux", "a", "pour", "sur", "avec", "of", "the", "and", "an", "in", "for", "on",
            "with", "to", "&");

    private LabelKey() {
    }

    /** The comparable words of a text, in order. */
    public static List<String> tokens(String text) {
        List<String> words = words(text);
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            if (!FUNCTION_WORDS.contains(word) || words.size() == 1) {
                out.add(masculine(singular(word)));
            }
        }
        return out;
    }

    /**
     * Folded words, as {@link io.hybridmatch.normalization.TextFolding#fold} gives them (lower case, no accents,
     * {@code + # .} kept inside words: C++, C#, .NET, node.js), in one pass: the taxonomy folds 100,000 labels at
     * start, and the regular expressions of the general folding made that most of the load time.
     */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String plain = lower.chars().allMatch(c -> c < 128) ? lower
                : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '.';
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                addWithoutLooseDots(words, plain.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** A dot ends no word ("Excel." is excel) and starts one only before a letter or digit (".net"). */
    private static void addWithoutLooseDots(List<String> words, String word) {
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) == '.') {
            end--;
        }
        int start = 0;
        while (start < end - 1 && word.charAt(start) == '.' && word.charAt(start + 1) == '.') {
            start++;
        }
        if (start < end && !(end - start == 1 && word.charAt(start) == '.')) {
            words.add(word.substring(start, end));
        }
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
