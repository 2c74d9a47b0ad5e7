package io.hybridmatch.normalization;

import io.hybridmatch.normalization.taxonomy.LabelKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Career level, ordered; {@link #fits} is the seniority fit. */
public enum Seniority {
    JUNIOR, MID, SENIOR, LEAD;

    private static final Map<Seniority, List<String>> WORDS = Map.of(
            JUNIOR, List.of("junior", "debutant", "debutante", "entry level", "graduate", "jeune diplome", "jeune diplomee", "stagiaire", "intern", "alternant"),
            MID, List.of("mid", "mid level", "intermediate", "confirme", "confirmee", "intermediaire", "regular"),
            SENIOR, List.of("senior", "experimente", "experimentee", "expert", "experte", "sr"),
            LEAD, List.of("lead", "tech lead", "principal", "staff", "head", "manager", "responsable", "chef d equipe", "directeur", "directrice", "architect", "architecte"));

    @SuppressWarnings("EnumOrdinal") // the constants are declared from the lowest level up: that order is the rank
    public int rank() {
        return ordinal();
    }

    /** One level away at most: a fit (a mid-level for a senior post is a usual hire); two or more are not. */
    public boolean fits(Seniority other) {
        return Math.abs(rank() - other.rank()) <= 1;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** From a title or an explicit level ("Développeuse Java confirmée" → MID, "Senior engineer" → SENIOR). */
    public static Optional<Seniority> parse(String text) {
        return TextFolding.highestNamed(text, values(), WORDS);
    }

    /** The same, without the words of {@code jobWords} (as {@link LabelKey#tokens} folds them): they name the job. */
    static Optional<Seniority> parse(String text, Set<String> jobWords) {
        if (text == null || jobWords.isEmpty()) {
            return parse(text);
        }
        List<String> kept = TextFolding.tokens(text).stream()
                .filter(word -> LabelKey.tokens(word).stream().noneMatch(jobWords::contains)).toList();
        return parse(String.join(" ", kept));
    }

    /** The usual mapping from years of experience: &lt;2 junior, &lt;5 mid, &lt;10 senior, else lead. */
    public static Seniority fromYears(int years) {
        if (years < 2) {
            return JUNIOR;
        }
        if (years < 5) {
            return MID;
        }
        return years < 10 ? SENIOR : LEAD;
    }
}
