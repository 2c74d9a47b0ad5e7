package io.hybridmatch.normalization;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way text is compared here: lower case, no accents, punctuation turned into spaces except the characters
 * that make skill names ({@code + # .} as in C++, C#, .NET, node.js), collapsed spaces.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}+#.]+");
    // a dot is kept only inside a token (node.js, .net), not as sentence punctuation
    private static final Pattern LOOSE_DOTS = Pattern.compile("(?<![\\p{L}\\p{N}])\\.(?![\\p{L}\\p{N}])|\\.(?=\\s|$)");

    private TextFolding() {
    }

    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String spaced = SEPARATORS.matcher(plain).replaceAll(" ");
        return LOOSE_DOTS.matcher(spaced).replaceAll(" ").trim().replaceAll(" +", " ");
    }

    public static List<String> tokens(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * The highest of ordered levels whose words a text names ("Lead senior developer" is a lead): words match whole,
     * folded, with apostrophes as spaces.
     */
    static <E extends Enum<E>> Optional<E> highestNamed(String text, E[] levels, Map<E, List<String>> words) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = " " + fold(text).replace('\'', ' ') + " ";
        for (int i = levels.length - 1; i >= 0; i--) {
            if (words.get(levels[i]).stream().anyMatch(word -> folded.contains(" " + word + " "))) {
                return Optional.of(levels[i]);
            }
        }
        return Optional.empty();
    }
}
