package io.hybridmatch.normalization;

import io.hybridmatch.normalization.taxonomy.OccupationSkills;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The skills an offer's candidates are scored on: its listed skills and its title's, and of those only its
 * description names, the ones the taxonomy ties to the offer's occupation — needed or used (ESCO's relations, the
 * curated typical skills) by it or a member of its trade, or one step broader, narrower or related to such a skill.
 * A description's prose names more than the job needs (the company's tools, "réseaux" of a building site read as
 * computer networking). Ranking a candidate's offers keeps every skill: there the description's skills tell
 * occupations apart (eval/README.md, "The job a CV's text names").
 */
final class CoreSkills {

    private final Taxonomy taxonomy;

    CoreSkills(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param required every skill the offer names, in order
     * @param stated   those its list or its title names
     * @param occupation the offer's occupation, or null: then, as when the taxonomy knows none of its skills, every
     *                   skill is kept (nothing to judge the description's by)
     */
    List<String> of(List<String> required, List<String> stated, String occupation) {
        Set<String> occupationSkills = occupation == null ? Set.of() : skillsOfTrade(occupation);
        if (occupationSkills.isEmpty() || stated.containsAll(required)) {
            return required;
        }
        Set<String> broaderOfThem = new HashSet<>();
        occupationSkills.forEach(skill -> broaderOfThem.addAll(taxonomy.broaderSkills(skill, 1)));
        return required.stream().filter(skill -> stated.contains(skill) || occupationSkills.contains(skill)
                || broaderOfThem.contains(skill)
                || taxonomy.broaderSkills(skill, 1).stream().anyMatch(occupationSkills::contains)
                || occupationSkills.stream().anyMatch(other -> taxonomy.related(skill, other))).toList();
    }

    private Set<String> skillsOfTrade(String occupation) {
        OccupationSkills relations = taxonomy.occupationSkills();
        Set<String> out = new HashSet<>();
        for (String member : taxonomy.sameOccupations(occupation)) {
            out.addAll(relations.essential(member));
            out.addAll(relations.optional(member));
        }
        return out;
    }
}
