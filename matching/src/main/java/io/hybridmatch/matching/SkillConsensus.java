package io.hybridmatch.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How typical a pooled document's skills are of the documents the retrievers ranked highest for the query: the cosine
 * of its skill set with the skills of the fused pool's {@link PoolTop} (a skill weighs the 1/rank of each top document
 * listing it), the document itself left out. Evidence independent of how the query's own skills were read: where an
 * offer's required skills do not normalise, the people the text retrieves first still share their trade's skills.
 */
final class SkillConsensus {

    /**
     * @param skills the pool's canonical skills in fused order
     * @return each pooled document's consensus in [0, 1], in the same order (null where it lists no skill)
     */
    List<Double> of(List<List<String>> skills) {
        List<Set<String>> sets = skills.stream().<Set<String>>map(LinkedHashSet::new).toList();
        Map<String, Double> support = new HashMap<>();
        for (int rank = 0; rank < PoolTop.size(sets.size()); rank++) {
            double weight = PoolTop.weight(rank);
            sets.get(rank).forEach(skill -> support.merge(skill, weight, Double::sum));
        }
        double norm2 = support.values().stream().mapToDouble(v -> v * v).sum();
        List<Double> consensus = new ArrayList<>(sets.size());
        for (int rank = 0; rank < sets.size(); rank++) {
            Set<String> own = sets.get(rank);
            if (own.isEmpty()) {
                consensus.add(null);
                continue;
            }
            double vote = PoolTop.own(rank);
            double dot = 0;
            double othersNorm2 = norm2;
            for (String skill : own) {
                double all = support.getOrDefault(skill, 0.0);
                double others = all - vote;
                dot += others;
                othersNorm2 += others * others - all * all;
            }
            // rounding can leave a hair above 0 where the top held only this document's skills
            consensus.add(othersNorm2 > 1e-12 ? Math.min(1, dot / Math.sqrt(own.size() * othersNorm2)) : 0.0);
        }
        return consensus;
    }
}
