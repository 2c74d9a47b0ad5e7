package io.hybridmatch.eval;

import io.hybridmatch.matching.MatchDirection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Set 2's queries split by occupation into a development part and a sealed part, fixed before the recall and scoring
 * changes of issue 11 that were made while looking at set 2: those changes were diagnosed on the development part
 * only (its per-query errors, its anatomy, its means); the sealed part's numbers are reported, never looked into
 * while developing. By occupation, so that no occupation's vocabulary is seen on both sides: half of the 55
 * occupations (sorted ids shuffled with a fixed seed, the first 27) are sealed, with every query of theirs, offer
 * and candidate. Set 1 is not split (it was seen whole when the taxonomy was written).
 */
final class SealedPart {

    static final String SET = "set 2";
    static final long SEED = 20261203L;
    static final String DEV = "dev";
    static final String SEALED = "sealed";

    private final Set<String> sealed;
    private final LabelledSet set;

    SealedPart(LabelledSet set) {
        this.set = set;
        List<String> occupations = new ArrayList<>(new TreeSet<>(set.offerTruth().values().stream()
                .map(LabelledSet.Truth::occupation).toList()));
        Collections.shuffle(occupations, new Random(SEED));
        this.sealed = Set.copyOf(occupations.subList(0, occupations.size() / 2));
    }

    /** The occupations whose queries are sealed. */
    Set<String> sealedOccupations() {
        return sealed;
    }

    /** {@link #DEV} or {@link #SEALED} for a query of set 2, null for any other set. */
    String of(RankingQuery q) {
        if (!q.set().equals(set.name())) {
            return null;
        }
        LabelledSet.Truth truth = q.direction() == MatchDirection.CANDIDATES_FOR_OFFER ? set.offerTruth().get(q.id())
                : set.candidateTruth().get(q.id());
        return sealed.contains(truth.occupation()) ? SEALED : DEV;
    }
}
