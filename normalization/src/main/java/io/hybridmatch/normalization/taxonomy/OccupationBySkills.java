package io.hybridmatch.normalization.taxonomy;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The occupation a set of skills points to, for a profile or an offer whose headline or title names none ("Open to
 * work", "Disponible immédiatement", no headline): the occupation whose essential and optional skills
 * ({@link OccupationSkills}) are nearest to the document's, by the cosine of idf-weighted skill vectors — the usual
 * tf-idf cosine: a skill many occupations list ("teamwork") weighs little, and an occupation listing a hundred skills
 * does not win by count. An optional skill counts half an essential one. At least {@link #MIN_SHARED} of the
 * document's skills must be the occupation's, and a tie names none.
 * {@link #among} picks, by the same rule, one of the occupations a title names ("Ex-boulanger, développeur web").
 * The weights and the floor are set, not tuned: the eval sets measure them (eval/README.md), they were not fitted there.
 */
public final class OccupationBySkills {

    static final int MIN_SHARED = 2;
    private static final double OPTIONAL = 0.5;

    private final OccupationSkills relations;
    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, Double> norm = new HashMap<>();

    public OccupationBySkills(Taxonomy taxonomy) {
        this.relations = taxonomy.occupationSkills();
        Map<String, Integer> listedBy = new HashMap<>();
        Set<String> occupations = new LinkedHashSet<>();
        for (Concept occupation : taxonomy.occupations()) {
            String id = occupation.id();
            if (!relations.essential(id).isEmpty() || !relations.optional(id).isEmpty()) {
                occupations.add(id);
                relations.essential(id).forEach(s -> listedBy.merge(s, 1, Integer::sum));
                relations.optional(id).forEach(s -> listedBy.merge(s, 1, Integer::sum));
            }
        }
        listedBy.forEach((skill, count) -> idf.put(skill, Math.log((1.0 + occupations.size()) / count)));
        for (String id : occupations) {
            double sum = 0;
            for (String s : relations.essential(id)) {
                sum += Math.pow(idf.get(s), 2);
            }
            for (String s : relations.optional(id)) {
                sum += Math.pow(OPTIONAL * idf.get(s), 2);
            }
            norm.put(id, Math.sqrt(sum));
        }
    }

    /** The occupation nearest to these skills, if one shares at least {@link #MIN_SHARED} of them and none ties. */
    public Optional<String> occupation(Collection<String> skills) {
        return nearest(skills, occupation -> true);
    }

    /** Among occupations a title names, the one these skills point to (same rule), if any. */
    public Optional<String> among(Collection<String> occupations, Collection<String> skills) {
        return nearest(skills, occupations::contains);
    }

    private Optional<String> nearest(Collection<String> skills, Predicate<String> eligible) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Integer> shared = new HashMap<>();
        for (String skill : new LinkedHashSet<>(skills)) {
            Double weight = idf.get(skill);
            if (weight == null) {
                continue;
            }
            add(score, shared, relations.occupationsNeeding(skill), weight * weight);
            add(score, shared, relations.occupationsUsing(skill), OPTIONAL * weight * weight);
        }
        String best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Map.Entry<String, Double> e : score.entrySet()) {
            if (shared.get(e.getKey()) < MIN_SHARED || !eligible.test(e.getKey())) {
                continue;
            }
            double cosine = e.getValue() / norm.get(e.getKey());
            if (cosine > bestScore) {
                best = e.getKey();
                bestScore = cosine;
                tie = false;
            } else if (cosine == bestScore) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private static void add(Map<String, Double> score, Map<String, Integer> shared, Set<String> occupations, double weight) {
        for (String occupation : occupations) {
            score.merge(occupation, weight, Double::sum);
            shared.merge(occupation, 1, Integer::sum);
        }
    }
}
