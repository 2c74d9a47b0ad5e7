package io.hybridmatch.indexing;

import io.hybridmatch.normalization.taxonomy.Label;
import io.hybridmatch.normalization.taxonomy.LabelKey;
import java.util.HashSet;
import java.util.Set;

/**
 * Which nearest labels of all-MiniLM-L6-v2, an English sentence model, measure spelling rather than meaning, and are
 * not taken: between two French phrases its similarity follows shared word pieces ("gestion de tournée" → "gestion de
 * trésorerie", "traçage" → "traduction", "prise de commande" → "prise de notes"), so a French label is taken only
 * when one side's words hold the other's ("cuisine traditionnelle" → "cuisine", "fidélisation" → "fidélisation
 * client"); an abbreviation no label names is letters to it ("GMAW" → "gmao", "FIFO" → "fimo", "RTI" → "rtos").
 * English labels reached from either language keep the similarity alone: there the model reads meaning ("customer
 * care" → "customer service"). Measured in eval/README.md ("French skill phrases and MiniLM's fallback").
 */
final class NearestLabelCheck {

    private NearestLabelCheck() {
    }

    static boolean trusted(String phrase, Label label) {
        if (isAbbreviation(phrase)) {
            return false;
        }
        return !"fr".equals(label.language()) || oneHoldsTheOther(phrase, label.text());
    }

    /** One word without a lower-case letter ("GMAW", "C+E", "O365"); "HTML/CSS" is two words. */
    static boolean isAbbreviation(String phrase) {
        String word = phrase.strip();
        return !word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '/' || Character.isLowerCase(c))
                && word.chars().anyMatch(Character::isLetter);
    }

    private static boolean oneHoldsTheOther(String phrase, String label) {
        Set<String> a = new HashSet<>(LabelKey.tokens(phrase));
        Set<String> b = new HashSet<>(LabelKey.tokens(label));
        return a.containsAll(b) || b.containsAll(a);
    }
}
