package io.hybridmatch.matching;

import io.hybridmatch.normalization.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of an offer's required skills a candidate covers. A skill held exactly, or implied by a narrower one
 * the candidate holds (a framework implies its language: spring → java), counts fully; a broader or related skill
 * held instead counts in part, and so, less, does a skill typical of the candidate's occupation that the profile
 * does not list (sparse profiles name the job, not the tools).
 */
final class SkillCoverage {

    /** What a required skill was credited through, and how much. */
    enum Credit {
        EXACT(1.0), NARROWER(1.0), BROADER(0.5), RELATED(0.5), TYPICAL(0.3), NONE(0.0);

        final double value;

        Credit(double value) {
            this.value = value;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How many broader steps a held skill implies ("react" → javascript; ESCO's chains are short). */
    private static final int IMPLIED_DEPTH = 2;

    record Result(double score, List<String> matched, List<String> missing, List<Explanation.InferredSkill> inferred) {
    }

    private final Taxonomy taxonomy;

    SkillCoverage(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    Result of(List<String> required, List<String> held, String candidateOccupation) {
        Map<String, String> impliedBy = new HashMap<>();
        for (String skill : held) {
            taxonomy.broaderSkills(skill, IMPLIED_DEPTH).forEach(parent -> impliedBy.putIfAbsent(parent, skill));
        }
        Set<String> typical = candidateOccupation == null ? Set.of() : taxonomy.typicalSkills(candidateOccupation);
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Explanation.InferredSkill> inferred = new ArrayList<>();
        double sum = 0;
        for (String skill : required) {
            Credit credit = Credit.NONE;
            String via = null;
            if (held.contains(skill)) {
                credit = Credit.EXACT;
            } else if (impliedBy.containsKey(skill)) {
                credit = Credit.NARROWER;
                via = impliedBy.get(skill);
            } else {
                Set<String> broader = taxonomy.broaderSkills(skill, 1);
                for (String h : held) {
                    if (broader.contains(h)) {
                        credit = Credit.BROADER;
                        via = h;
                        break;
                    }
                    if (credit == Credit.NONE && taxonomy.related(skill, h)) {
                        credit = Credit.RELATED;
                        via = h;
                    }
                }
                if (credit == Credit.NONE && typical.contains(skill)) {
                    credit = Credit.TYPICAL;
                    via = candidateOccupation;
                }
            }
            sum += credit.value;
            if (credit == Credit.EXACT || credit == Credit.NARROWER) {
                matched.add(skill);
            } else if (credit == Credit.NONE) {
                missing.add(skill);
            }
            if (via != null) {
                inferred.add(new Explanation.InferredSkill(skill, credit.key(), via, credit.value));
            }
        }
        return new Result(required.isEmpty() ? 0 : sum / required.size(), matched, missing, inferred);
    }
}
