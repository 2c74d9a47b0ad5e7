package io.hybridmatch.normalization.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The job noun of a title, the word the rest of it qualifies: a French title names it first ("Contrôleur qualité",
 * "Technicien de maintenance"), an English one last ("Quality controller", "Maintenance technician"). A modifier
 * can be another occupation's whole label ("qualité", "commercial", "maintenance"); the head says which word the title
 * is about. What a head word is comes from the occupation labels themselves: the first word of a French label, the
 * last of an English one. The title's language from its own words: accents and French function words, and words
 * that only French labels (or only English ones) use.
 */
final class TitleHead {

    private static final Set<String> FRENCH = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "au", "aux", "en",
            "pour", "et", "a");
    private static final Set<String> ENGLISH = Set.of("of", "the", "and", "for", "in", "with");

    /** A headline of several phrases ("Ancien boulanger, aujourd'hui développeur") has no one head. */
    private static final Pattern SEVERAL_PHRASES = Pattern.compile("[,;|]");

    /** Label counts per word: as a French head, an English head, anywhere in a French label, in an English one. */
    private final Map<String, Integer> frenchHeads = new HashMap<>();
    private final Map<String, Integer> englishHeads = new HashMap<>();
    private final Map<String, Integer> frenchWords = new HashMap<>();
    private final Map<String, Integer> englishWords = new HashMap<>();

    TitleHead(Taxonomy taxonomy) {
        for (Concept occupation : taxonomy.occupations()) {
            for (Label label : occupation.labels()) {
                List<String> words = LabelKey.tokens(label.text());
                if (words.size() < 2) {
                    continue; // a one-word label says nothing of word order
                }
                if (label.language().equals("fr")) {
                    frenchHeads.merge(words.getFirst(), 1, Integer::sum);
                    words.forEach(w -> frenchWords.merge(w, 1, Integer::sum));
                } else if (label.language().equals("en")) {
                    englishHeads.merge(words.getLast(), 1, Integer::sum);
                    words.forEach(w -> englishWords.merge(w, 1, Integer::sum));
                }
            }
        }
    }

    /**
     * The index of the head among these words (a title's keyed words, level and contract words dropped), or -1 when
     * the language is not told, no word is a head word of it, or the text is several phrases. {@code text} is the title as written (its accents and
     * function words tell the language).
     */
    int of(String text, List<String> words) {
        if (words.size() < 2 || SEVERAL_PHRASES.matcher(text).find()) {
            return -1;
        }
        int language = language(text, words);
        if (language > 0) {
            for (int i = 0; i < words.size(); i++) {
                if (frenchHeads.containsKey(words.get(i)) && !leadsATeam(words, i)) {
                    return i;
                }
            }
        } else if (language < 0) {
            for (int i = words.size() - 1; i >= 0; i--) {
                if (englishHeads.containsKey(words.get(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** "Chef d'équipe" ranks the trade that follows it ("Chef d'équipe électricien"): not the head when one follows. */
    private static boolean leadsATeam(List<String> words, int i) {
        return words.get(i).equals("chef") && i + 2 < words.size() && words.get(i + 1).equals("equipe");
    }

    /** Positive for French, negative for English, 0 when not told. */
    private int language(String text, List<String> words) {
        int score = 0;
        for (String raw : LabelKey.words(text)) {
            score += FRENCH.contains(raw) ? 1 : ENGLISH.contains(raw) ? -1 : 0;
        }
        if (!text.chars().allMatch(c -> c < 128)) {
            score++;
        }
        for (String word : words) {
            boolean french = frenchWords.containsKey(word);
            boolean english = englishWords.containsKey(word);
            score += french && !english ? 1 : english && !french ? -1 : 0;
        }
        return Integer.signum(score);
    }
}
