package io.hybridmatch.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A labelled evaluation set: offers and candidate profiles as the indexing tasks receive them, the latent truth each
 * was written from, the grade of every (offer, candidate) pair derived from those truths only, and the documents
 * used as queries in each direction.
 */
public record LabelledSet(String name, List<Map<String, Object>> offers, List<Map<String, Object>> candidates,
                          Map<Long, Truth> offerTruth, Map<Long, Truth> candidateTruth, Grader grader,
                          List<Long> offerQueries, List<Long> candidateQueries) {

    /**
     * What a document was written from. {@code skills} are latent skill names (an offer's required skills, a
     * profile's actual skills), or null when the set does not model them; {@code shownSkills} those of them the
     * document writes (every one of an offer's; a profile lists only some of the skills it holds).
     */
    public record Truth(String occupation, int level, String city, boolean remote, Set<String> skills,
                        Set<String> shownSkills) {

        /** A document that writes every skill it holds. */
        public Truth(String occupation, int level, String city, boolean remote, Set<String> skills) {
            this(occupation, level, city, remote, skills, skills);
        }

        Truth withShownSkills(Set<String> shown) {
            return new Truth(occupation, level, city, remote, skills, shown);
        }
    }

    /** The relevance grade (0-3) of a candidate for an offer; the same judgement serves both directions. */
    @FunctionalInterface
    public interface Grader {
        int grade(long offerId, long candidateId);
    }

    public int grade(long offerId, long candidateId) {
        return grader.grade(offerId, candidateId);
    }

    /** The first set ({@link DataSetGenerator}, seed 42): every offer and one candidate in fifteen as queries. */
    public static LabelledSet first(DataSetGenerator.DataSet data) {
        Map<Long, Truth> offers = new LinkedHashMap<>();
        data.offerTruth().forEach((id, t) -> offers.put(id, new Truth(t.occupation(), t.level(), t.city(), t.remote(), null)));
        Map<Long, Truth> candidates = new LinkedHashMap<>();
        data.candidateTruth().forEach((id, t) -> candidates.put(id, new Truth(t.occupation(), t.level(), t.city(), t.remote(), null)));
        List<Long> candidateQueries = candidates.keySet().stream().filter(id -> id % 15 == 7).toList();
        return new LabelledSet("set 1", data.offers(), data.candidates(), offers, candidates, data::grade,
                List.copyOf(offers.keySet()), candidateQueries);
    }
}
