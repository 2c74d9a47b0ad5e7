package io.hybridmatch.normalization.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job title or a profile headline → the occupation it names: "Développeuse Java confirmée (H/F)", "Senior Java
 * developer", "Java developer - CDI" → {@code java_developer}. Level, contract and gender markers are dropped
 * (the level is read separately, by {@link io.hybridmatch.normalization.Seniority}); the rest is looked up as a
 * whole label, then in any word order, then as the longest label it contains ("Infirmière de nuit en EHPAD" →
 * infirmière).
 */
public final class OccupationNormalizer {

    private static final Pattern GENDER_MARK = Pattern.compile(
            "(?i)\\(?\\b[hfmw]\\s*/\\s*[hfmwd](\\s*/\\s*[hfmwd])?\\b\\)?|\\((e|se|ne|ère|euse|rice|trice)\\)|[·.](e|se|ne|euse|rice|trice)\\b");
    private static final Set<String> NOT_THE_JOB = Set.of(
            "junior", "jr", "senior", "sr", "confirme", "experimente", "debutant", "intermediaire", "mid", "level",
            "entry", "ii", "iii", "cdi", "cdd", "stage", "stagiaire", "alternance", "alternant", "apprenti",
            "apprentissage", "interim", "freelance", "independant", "contract", "contractor", "permanent", "temps",
            "plein", "partiel", "full", "part", "time", "remote", "teletravail", "hybride", "hybrid", "nuit", "night",
            "h", "f", "mwd");

    private final LabelIndex labels;

    public OccupationNormalizer(Taxonomy taxonomy) {
        this.labels = taxonomy.occupationLabels();
    }

    public Optional<String> occupation(String title) {
        return candidates(title).stream().findFirst();
    }

    /**
     * Every occupation the title names, best first: the whole title as a label (then it is the only one), else the
     * labels inside it, longest first, in order of appearance among equals ("Ancien boulanger, développeur web" →
     * both). A caller with more to go on (the document's skills) may pick another than the first.
     */
    public List<String> candidates(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : LabelKey.tokens(GENDER_MARK.matcher(title).replaceAll(" "))) {
            if (!NOT_THE_JOB.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        String cleaned = String.join(" ", words);
        Optional<String> whole = labels.exactOrReordered(cleaned);
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        return labels.findAll(cleaned).stream()
                .sorted(Comparator.comparingInt((TokenTrie.Match<String> m) -> m.end() - m.start()).reversed())
                .map(TokenTrie.Match::value).distinct().toList();
    }
}
