package io.hybridmatch.normalization.taxonomy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which skills an occupation needs (essential) or may use (optional), and the reverse: ESCO's occupation → skill
 * relations ({@code esco-occupation-skills.tsv.gz}), plus the typical skills of every occupation line (curated and
 * deployment layers), counted as essential. Ids are the taxonomy's after its merges (ESCO's "Java" is {@code java}).
 * Immutable.
 */
public final class OccupationSkills {

    private final Map<String, Set<String>> essential;
    private final Map<String, Set<String>> optional;
    private final Map<String, Set<String>> needingSkill;
    private final Map<String, Set<String>> usingSkill;

    OccupationSkills(Map<String, Set<String>> essential, Map<String, Set<String>> optional) {
        this.essential = copy(essential);
        this.optional = copy(optional);
        this.needingSkill = reverse(this.essential);
        this.usingSkill = reverse(this.optional);
    }

    /** The skills an occupation needs; empty when none are known. */
    public Set<String> essential(String occupation) {
        return essential.getOrDefault(occupation, Set.of());
    }

    /** The skills an occupation may use, its essential ones excepted. */
    public Set<String> optional(String occupation) {
        return optional.getOrDefault(occupation, Set.of());
    }

    /** The occupations for which a skill is essential. */
    public Set<String> occupationsNeeding(String skill) {
        return needingSkill.getOrDefault(skill, Set.of());
    }

    /** The occupations for which a skill is optional. */
    public Set<String> occupationsUsing(String skill) {
        return usingSkill.getOrDefault(skill, Set.of());
    }

    /** Occupation → skill pairs held, essential and optional. */
    public int size() {
        return essential.values().stream().mapToInt(Set::size).sum() + optional.values().stream().mapToInt(Set::size).sum();
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> relations) {
        Map<String, Set<String>> out = new HashMap<>();
        relations.forEach((key, values) -> {
            if (!values.isEmpty()) {
                out.put(key, Set.copyOf(values));
            }
        });
        return Map.copyOf(out);
    }

    private static Map<String, Set<String>> reverse(Map<String, Set<String>> relations) {
        Map<String, Set<String>> out = new HashMap<>();
        relations.forEach((from, tos) -> tos.forEach(to -> out.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from)));
        return copy(out);
    }
}
