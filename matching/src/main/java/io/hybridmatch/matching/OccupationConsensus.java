package io.hybridmatch.matching;

import io.hybridmatch.normalization.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a pooled document's occupation agrees with the occupations the retrievers ranked highest for the query:
 * the mean occupation fit (same 1, adjacent 0.5) of the document with the {@link PoolTop} of the fused pool, the
 * document itself left out. Evidence independent of how the query's own title was read:
 * when the text retrieves the right people but the query's occupation is misread, the neighbourhood still names
 * theirs.
 */
final class OccupationConsensus {

    private final Taxonomy taxonomy;

    OccupationConsensus(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param occupations the pool's occupations in fused order (null where unread)
     * @return each pooled document's consensus, in the same order (null where its occupation is unread); a document
     *         among the top ones does not vote for itself
     */
    List<Double> of(List<String> occupations) {
        Map<String, Double> weightOf = new HashMap<>();
        double total = 0;
        for (int rank = 0; rank < PoolTop.size(occupations.size()); rank++) {
            total += PoolTop.weight(rank);
            if (occupations.get(rank) != null) {
                weightOf.merge(occupations.get(rank), PoolTop.weight(rank), Double::sum);
            }
        }
        Map<String, Double> agreement = new HashMap<>();
        List<Double> consensus = new ArrayList<>(occupations.size());
        for (int rank = 0; rank < occupations.size(); rank++) {
            String occupation = occupations.get(rank);
            if (occupation == null) {
                consensus.add(null);
                continue;
            }
            double agree = agreement.computeIfAbsent(occupation, o -> weightOf.entrySet().stream()
                    .mapToDouble(e -> e.getValue() * taxonomy.occupationFit(o, e.getKey()).score()).sum());
            double own = PoolTop.own(rank);
            consensus.add(total - own > 0 ? (agree - own) / (total - own) : 0);
        }
        return consensus;
    }
}
