package io.hybridmatch.normalization.taxonomy;

import java.util.List;
import java.util.Set;

/**
 * An occupation or a skill of the taxonomy.
 *
 * @param group    an occupation's ISCO-08 unit group (4 digits), a skill's ESCO reuse level or {@code curated}
 * @param broader  broader concepts of the same kind (a framework's language, an occupation's family)
 * @param linked   a skill's related skills; an occupation's typical skills
 * @param labels   every name, preferred first per layer
 */
public record Concept(Kind kind, String id, String group, Set<String> broader, Set<String> linked, List<Label> labels) {

    public enum Kind {
        OCCUPATION, SKILL;

        static Kind parse(String text) {
            return switch (text) {
                case "occupation" -> OCCUPATION;
                case "skill" -> SKILL;
                default -> throw new IllegalArgumentException("unknown kind '" + text + "' (occupation or skill)");
            };
        }
    }
}
