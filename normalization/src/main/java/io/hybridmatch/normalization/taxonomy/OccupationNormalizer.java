package io.hybridmatch.normalization.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job title or a profile headline → the occupation it names: "Développeuse Java confirmée (H/F)", "Senior Java
 * developer", "Java developer - CDI" → {@code java_developer}. Level, contract and gender markers are dropped
 * (the level is read separately, by {@link io.hybridmatch.normalization.Seniority}); the rest is looked up as a
 * whole label, then in any word order, then as the labels it contains, the most informative first.
 * <p>
 * "Most informative", not "longest": a label is worth the idf of the title words it covers, counted over the
 * occupations' labels (a word few occupations use, "lawyer", "chaudronnier", weighs more than one many use,
 * "commercial", "chef", "supervisor"). The longest match made "Commercial Lawyer" a sales representative (French
 * "commercial" is one) and "Chef d'équipe …" a cook. Before weight, word order: the label holding the title's head
 * word ({@link TitleHead}: first in French, last in English) comes first, so "Électricien câbleur" is an electrician
 * though "câbleur" weighs more. A career-change headline ("Soudeur → Développeur web") names
 * its current occupation after the arrow.
 */
public final class OccupationNormalizer {

    private static final Pattern GENDER_MARK = Pattern.compile(
            "(?i)\\(?\\b[hfmw]\\s*/\\s*[hfmwd](\\s*/\\s*[hfmwd])?\\b\\)?|\\((e|se|ne|ère|euse|rice|trice)\\)|[·.](e|se|ne|euse|rice|trice)\\b");
    /** What a career change is written with: the occupation after it is the current one. */
    private static final Pattern CAREER_CHANGE = Pattern.compile("→|⇒|->|=>|»");
    private static final Set<String> NOT_THE_JOB = Set.of(
            "junior", "jr", "senior", "sr", "confirme", "experimente", "debutant", "intermediaire", "mid", "level",
            "entry", "ii", "iii", "cdi", "cdd", "stage", "stagiaire", "alternance", "alternant", "apprenti",
            "apprentissage", "interim", "freelance", "independant", "contract", "contractor", "permanent", "temps",
            "plein", "partiel", "full", "part", "time", "remote", "teletravail", "hybride", "hybrid", "nuit", "night",
            "h", "f", "mwd",
            // junior levels as Seniority reads them ("jeune diplômé"); "diplômé" stays: "infirmier diplômé d'État"
            "graduate", "jeune", "intern");
    /**
     * Rank words that are also whole ESCO labels or parts of unrelated ones ("Principal" is a head teacher, "lead
     * engineer" a metallurgist's): dropped like the level, kept only when nothing else in the title is a label.
     */
    private static final Set<String> RANK = Set.of("lead", "principal", "referent", "experienced", "intermediate",
            "staff", "chief");

    private final LabelIndex labels;
    private final TitleHead heads;
    private final Map<String, Double> idf = new HashMap<>();
    /** A word no occupation label has ("ETL", "EHPAD") weighs as much as the rarest: it says what the job is. */
    private final double unknown;

    public OccupationNormalizer(Taxonomy taxonomy) {
        this.labels = taxonomy.occupationLabels();
        this.heads = new TitleHead(taxonomy);
        Map<String, Integer> occupationsUsing = new HashMap<>();
        for (Concept occupation : taxonomy.occupations()) {
            Set<String> words = new HashSet<>();
            occupation.labels().forEach(label -> words.addAll(LabelKey.tokens(label.text())));
            words.forEach(word -> occupationsUsing.merge(word, 1, Integer::sum));
        }
        int n = taxonomy.occupations().size();
        occupationsUsing.forEach((word, count) -> idf.put(word, Math.log((1.0 + n) / count)));
        this.unknown = Math.log(1.0 + n);
    }

    /** An occupation a title names and the share of the title's information its label covers (0-1]. */
    public record Named(String occupation, double share) {
    }

    /**
     * Every occupation the title names, best first: the whole title as a label (then it is the only one), else the
     * labels inside it, none inside another, the most informative first ("Ancien boulanger, développeur web" →
     * both). After a career-change arrow, only what follows it, unless it names none. A caller with more to go on
     * (the document's skills) may pick another than the first.
     */
    public List<Named> read(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        String[] steps = CAREER_CHANGE.split(GENDER_MARK.matcher(title).replaceAll(" "));
        for (int i = steps.length - 1; i >= 0; i--) {
            List<String> tokens = LabelKey.tokens(steps[i]);
            List<Named> found = named(steps[i], words(tokens, true));
            if (found.isEmpty()) {
                found = named(steps[i], words(tokens, false));
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> words(List<String> tokens, boolean withoutRank) {
        List<String> words = new ArrayList<>();
        for (String word : tokens) {
            if (!NOT_THE_JOB.contains(word) && !(withoutRank && RANK.contains(word))
                    && !word.chars().allMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        return words;
    }

    private List<Named> named(String text, List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        Optional<String> whole = labels.exactOrReordered(words);
        if (whole.isPresent()) {
            return List.of(new Named(whole.get(), 1.0));
        }
        List<TokenTrie.Match<String>> found = labels.findEvery(words);
        double all = weight(words, new TokenTrie.Match<>("", 0, words.size()));
        int head = heads.of(text, words);
        Map<String, Named> out = new LinkedHashMap<>();
        found.stream()
                .filter(m -> found.stream().noneMatch(other -> inside(m, other))) // strict: m is not inside itself
                .sorted(Comparator.comparing((TokenTrie.Match<String> m) -> !covers(m, head)) // the head's label first
                        .thenComparing(Comparator.comparingDouble((TokenTrie.Match<String> m) -> weight(words, m)).reversed()))
                .forEach(m -> out.putIfAbsent(m.value(), new Named(m.value(), weight(words, m) / all)));
        return List.copyOf(out.values());
    }

    /** The label holds the title's head word ({@link TitleHead}; -1 when none: then no label does). */
    private static boolean covers(TokenTrie.Match<String> m, int head) {
        return m.start() <= head && head < m.end();
    }

    /** Strictly inside the other's words ("chef" in "sous chef"). */
    private static boolean inside(TokenTrie.Match<String> m, TokenTrie.Match<String> other) {
        return other.start() <= m.start() && m.end() <= other.end() && other.end() - other.start() > m.end() - m.start();
    }

    private double weight(List<String> words, TokenTrie.Match<String> m) {
        double sum = 0;
        for (int i = m.start(); i < m.end(); i++) {
            sum += idf.getOrDefault(words.get(i), unknown);
        }
        return sum;
    }
}
