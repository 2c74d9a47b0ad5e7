package io.hybridmatch.normalization;

import io.hybridmatch.normalization.taxonomy.Concept;
import io.hybridmatch.normalization.taxonomy.LabelKey;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's career level, from the most explicit statement to the least: its level field (words, or a number of
 * years), the level words of its title, its years of experience (a profile's, or those an offer asks for), then the
 * years its text states ("5 ans d'expérience", "3+ years of experience").
 * <p>
 * A rank noun that is part of the name of the occupation the title names is the job, not the level: a "Community
 * Manager", a "Responsable de magasin" or a "Head chef" may be junior ({@link Seniority}'s lead words are also job
 * nouns). The adjectives (junior, senior, confirmé…) and the rank words the occupation reading drops ("lead",
 * "staff") always count.
 */
final class LevelReader {

    /** The level words that also name jobs, folded as {@link LabelKey#tokens} folds them. */
    private static final Set<String> JOB_NOUNS = Set.of("manager", "responsable", "head", "directeur", "architect",
            "architecte", "expert");
    /**
     * A number of years stated as experience: "5 ans d'expérience", "3 à 5 ans", "5+ years of experience", "10 yrs";
     * the word experience must be near, so that "il y a 2 ans" or "a 50-year-old company" say nothing.
     */
    private static final Pattern YEARS = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*\\+?\\s*(?:(?:-|–|à|a|to)\\s*\\d{1,2}\\s*)?(?:ans|années|annees|an|years?|yrs?)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern EXPERIENCE = Pattern.compile("(?i)exp[ée]ri|\\bexp\\b");
    private static final int NEAR = 30;

    private final Taxonomy taxonomy;

    LevelReader(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param field      the document's level field, or null
     * @param title      its title or headline, or null
     * @param occupation the occupation read from it, or null
     * @param years      a profile's years of experience, or the years an offer asks for, or null
     * @param text       its summary or description, or null
     */
    Seniority level(String field, String title, String occupation, Integer years, String text) {
        return Optional.ofNullable(field).flatMap(f -> Seniority.parse(f).or(() -> yearsIn(f, false)))
                .or(() -> Seniority.parse(title, jobWords(title, occupation)))
                .or(() -> Optional.ofNullable(years).map(Seniority::fromYears))
                .or(() -> yearsIn(text, true))
                .orElse(null);
    }

    /** The rank nouns of the title that belong to a label of its occupation found whole in it. */
    private Set<String> jobWords(String title, String occupation) {
        if (title == null || occupation == null) {
            return Set.of();
        }
        Set<String> words = new HashSet<>(LabelKey.tokens(title));
        Set<String> out = new HashSet<>();
        taxonomy.occupation(occupation).map(Concept::labels).orElse(List.of()).forEach(label -> {
            List<String> tokens = LabelKey.tokens(label.text());
            if (words.containsAll(tokens)) {
                tokens.stream().filter(JOB_NOUNS::contains).forEach(out::add);
            }
        });
        return out;
    }

    /** The level of the first number of years the text states (as experience, when {@code nearExperience}). */
    private static Optional<Seniority> yearsIn(String text, boolean nearExperience) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = YEARS.matcher(text);
        while (m.find()) {
            String around = text.substring(Math.max(0, m.start() - NEAR), Math.min(text.length(), m.end() + NEAR));
            if (!nearExperience || EXPERIENCE.matcher(around).find()) {
                return Optional.of(Seniority.fromYears(Integer.parseInt(m.group(1))));
            }
        }
        return Optional.empty();
    }
}
