package io.hybridmatch.eval;

import io.hybridmatch.matching.Criterion;
import io.hybridmatch.matching.MatchDirection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What bounds a set's offer → candidates NDCG@10: the learned model's cross-validation run again with one feature
 * replaced by what the latent truth says it should have read (the same occupation 1 else 0; level within one step;
 * the same city or a remote offer; at least half the required skills held), the others as the pipeline read them.
 * A feature whose truth lifts the held-out NDCG@10 most is the one whose extraction (normalisation, taxonomy, or
 * information the document does not carry) costs most; none of these is a system, they only say where to look.
 * The skills have a second row that tells the two apart: the share of the offer's required skills among those the
 * profile writes, as a reader without error would score it — what the documents carry, whatever the reading.
 */
final class FeatureBounds {

    private FeatureBounds() {
    }

    private record Oracle(String name, Criterion criterion, Grade grade) {
    }

    /** The feature's score in [0, 1] from the truths. */
    @FunctionalInterface
    private interface Grade {
        double of(LabelledSet.Truth offer, LabelledSet.Truth candidate);
    }

    private static final List<Oracle> ORACLES = List.of(
            new Oracle("occupation from the truth", Criterion.OCCUPATION, (o, c) -> fits(o.occupation().equals(c.occupation()))),
            new Oracle("level from the truth", Criterion.SENIORITY, (o, c) -> fits(Math.abs(o.level() - c.level()) <= 1)),
            new Oracle("city from the truth", Criterion.LOCATION, (o, c) -> fits(o.remote() || o.city().equals(c.city()))),
            new Oracle("skills from the truth", Criterion.SKILLS, (o, c) -> fits(o.skills() == null
                    || 2 * held(o.skills(), c.skills()) >= o.skills().size())),
            new Oracle("skills as the profile writes them, read without error", Criterion.SKILLS,
                    FeatureBounds::shownShare));

    /** The share of the offer's required skills among those the profile writes (1 when the set models no skills). */
    static double shownShare(LabelledSet.Truth offer, LabelledSet.Truth candidate) {
        return offer.skills() == null ? 1 : held(offer.skills(), candidate.shownSkills()) / (double) offer.skills().size();
    }

    private static double fits(boolean fits) {
        return fits ? 1 : 0;
    }

    private static long held(Set<String> required, Set<String> held) {
        return required.stream().filter(held::contains).count();
    }

    /** One row per oracle (and the learned model as read), groups as the other tables (parts of set 2 included). */
    static List<SystemScores> of(LabelledSet set, List<RankingQuery> pool, double[] start, Function<RankingQuery, String> part) {
        List<RankingQuery> queries = pool.stream()
                .filter(q -> q.set().equals(set.name()) && q.direction() == MatchDirection.CANDIDATES_FOR_OFFER).toList();
        List<SystemScores> out = new ArrayList<>();
        out.add(heldOut("features as read (the learned model on this fusion)", queries, start, part));
        for (Oracle oracle : ORACLES) {
            int k = PoolCollector.CATEGORIES.indexOf(oracle.criterion().key());
            List<RankingQuery> replaced = queries.stream().map(q -> new RankingQuery(q.set(), q.direction(), q.id(),
                    q.hits().stream().map(h -> {
                        double[] scores = h.scores().clone();
                        double[] factors = h.factors().clone();
                        scores[k] = oracle.grade().of(set.offerTruth().get(q.id()), set.candidateTruth().get(h.id()));
                        factors[k] = 1;
                        return new RankingQuery.Hit(h.id(), h.grade(), scores, factors);
                    }).toList(), q.allGrades())).toList();
            out.add(heldOut(oracle.name(), replaced, start, part));
        }
        return out;
    }

    private static SystemScores heldOut(String name, List<RankingQuery> queries, double[] start, Function<RankingQuery, String> part) {
        FusionConfig key = RelevanceEvaluation.PREVIOUS_DEFAULT; // a label only: the pools are already one fusion's
        Map<FusionConfig, List<RankingQuery>> byFusion = new LinkedHashMap<>(Map.of(key, queries));
        CrossValidation cv = new CrossValidation(byFusion, start, RelevanceEvaluation.SEED);
        return SystemScores.of(name, queries, q -> cv.heldOutWeights(key, q), part);
    }
}
