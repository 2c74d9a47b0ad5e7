package io.hybridmatch.normalization.taxonomy;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Occupations and skills with their French and English labels and relations, loaded from data files
 * ({@link TaxonomyFiles}): ESCO as the base, curated everyday vocabulary on top, a deployment's own files last.
 * Immutable and safe to share.
 */
public final class Taxonomy {

    /** Occupation fit, as job-title matching scores it. */
    public enum Fit {
        SAME(1.0), ADJACENT(0.5), UNRELATED(0.0);

        private final double score;

        Fit(double score) {
            this.score = score;
        }

        public double score() {
            return score;
        }
    }

    private final Map<String, Concept> occupations;
    private final Map<String, Concept> skills;
    private final LabelIndex occupationLabels;
    private final LabelIndex skillLabels;
    private final LabelIndex skillTextLabels;
    private final OccupationSkills occupationSkills;
    private final Map<String, Set<String>> tradesOf;
    /** {@link #broaderSkills} by depth, then skill. */
    private final Map<Integer, Map<String, Set<String>>> broader = new ConcurrentHashMap<>();

    Taxonomy(Map<String, Concept> occupations, Map<String, Concept> skills, LabelIndex occupationLabels,
             LabelIndex skillLabels, LabelIndex skillTextLabels, OccupationSkills occupationSkills,
             Map<String, Set<String>> tradesOf) {
        this.occupations = Map.copyOf(occupations);
        this.skills = Map.copyOf(skills);
        this.occupationLabels = occupationLabels;
        this.skillLabels = skillLabels;
        this.skillTextLabels = skillTextLabels;
        this.occupationSkills = occupationSkills;
        this.tradesOf = Map.copyOf(tradesOf);
    }

    public Optional<Concept> occupation(String id) {
        return Optional.ofNullable(occupations.get(id));
    }

    public Optional<Concept> skill(String id) {
        return Optional.ofNullable(skills.get(id));
    }

    public Collection<Concept> occupations() {
        return occupations.values();
    }

    public Collection<Concept> skills() {
        return skills.values();
    }

    /** The skill a listed name denotes ("K8s", "gestion des projets", "Projets, gestion de"), if known. */
    public Optional<String> skillNamed(String name) {
        return skillLabels.exactOrReordered(name);
    }

    /** Skills named in free text, longest phrase first, in order of appearance; list-only labels are skipped. */
    public List<String> skillsIn(String text) {
        return skillTextLabels.findAll(text).stream().map(TokenTrie.Match::value).distinct().toList();
    }

    LabelIndex occupationLabels() {
        return occupationLabels;
    }

    /**
     * Same occupation or trade (ESCO splits some trades into several occupations: "juriste" and "avocat", "commercial"
     * and "business developer"; the {@code trade} lines of the taxonomy join them), adjacent (one is the other's
     * broader occupation, they share a broader occupation or an ISCO-08 unit group), or unrelated.
     */
    public Fit occupationFit(String a, String b) {
        if (a.equals(b) || sameTrade(a, b)) {
            return Fit.SAME;
        }
        Concept x = occupations.get(a);
        Concept y = occupations.get(b);
        if (x == null || y == null) {
            return Fit.UNRELATED;
        }
        Set<String> familyOfX = new HashSet<>(x.broader());
        familyOfX.add(a);
        boolean sharedFamily = y.broader().stream().anyMatch(familyOfX::contains) || x.broader().contains(b);
        boolean sameGroup = !x.group().isEmpty() && x.group().equals(y.group());
        return sharedFamily || sameGroup ? Fit.ADJACENT : Fit.UNRELATED;
    }

    /** The occupations {@link #occupationFit} scores as the same as this one: itself and its trades' members, sorted. */
    public List<String> sameOccupations(String id) {
        Set<String> out = new TreeSet<>(List.of(id));
        tradesOf.keySet().stream().filter(other -> sameTrade(id, other)).forEach(out::add);
        return List.copyOf(out);
    }

    /** Both occupations are members of one trade line. */
    public boolean sameTrade(String a, String b) {
        Set<String> trades = tradesOf.getOrDefault(a, Set.of());
        return tradesOf.getOrDefault(b, Set.of()).stream().anyMatch(trades::contains);
    }

    /**
     * Broader skills up to {@code depth} steps up ("spring" → java → computer programming), unmodifiable. Kept once
     * walked: matching asks them for every skill of every document it scores (6 % of a request's
     * allocation when walked each time); only the taxonomy's own skills are kept, so the memo stays bounded.
     */
    public Set<String> broaderSkills(String id, int depth) {
        if (!skills.containsKey(id)) {
            return Set.of();
        }
        return broader.computeIfAbsent(depth, d -> new ConcurrentHashMap<>())
                .computeIfAbsent(id, skill -> Collections.unmodifiableSet(walkBroader(skill, depth)));
    }

    private Set<String> walkBroader(String id, int depth) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(id));
        for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
            Deque<String> next = new ArrayDeque<>();
            for (String current : frontier) {
                Concept skill = skills.get(current);
                if (skill != null) {
                    for (String parent : skill.broader()) {
                        if (out.add(parent)) {
                            next.add(parent);
                        }
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /** Related either way ("docker" ~ "kubernetes"). */
    public boolean related(String a, String b) {
        Concept x = skills.get(a);
        Concept y = skills.get(b);
        return (x != null && x.linked().contains(b)) || (y != null && y.linked().contains(a));
    }

    /** Essential and optional skills of occupations (ESCO's relations and the curated typical skills), both ways. */
    public OccupationSkills occupationSkills() {
        return occupationSkills;
    }

    /** The skills typical of an occupation (curated), empty when unknown. */
    public Set<String> typicalSkills(String occupation) {
        Concept o = occupations.get(occupation);
        return o == null ? Set.of() : o.linked();
    }

    /** Counts for the README: concepts, labels per language, labels a curated layer added. */
    public Figures figures() {
        return Figures.of(this);
    }

}
