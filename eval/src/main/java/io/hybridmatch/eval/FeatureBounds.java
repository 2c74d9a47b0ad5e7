package io.hybridmatch.eval;

import io.hybridmatch.matching.Criterion;
import io.hybridmatch.matching.MatchDirection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What bounds a set's offer → candidates NDCG@10: the learned model's cross-validation run again with one feature
 * replaced by what the latent truth says it should have read (the same occupation 1 else 0; level within one step;
 * the same city or a remote offer; at least half the required skills held), the others as the pipeline read them.
 * A feature whose truth lifts the held-out NDCG@10 most is the one whose extraction (normalisation, taxonomy, or
 * information the document does not carry) costs most; none of these is a system, they only say where to look.
 */
final class FeatureBounds {

    private FeatureBounds() {
    }

    private record Oracle(String name, Criterion criterion, Grade grade) {
    }

    @FunctionalInterface
    private interface Grade {
        boolean fits(LabelledSet.Truth offer, LabelledSet.Truth candidate);
    }

    private static final List<Oracle> ORACLES = List.of(
            new Oracle("occupation", Criterion.OCCUPATION, (o, c) -> o.occupation().equals(c.occupation())),
            new Oracle("level", Criterion.SENIORITY, (o, c) -> Math.abs(o.level() - c.level()) <= 1),
            new Oracle("city", Criterion.LOCATION, (o, c) -> o.remote() || o.city().equals(c.city())),
            new Oracle("skills", Criterion.SKILLS, (o, c) -> o.skills() == null
                    || 2 * o.skills().stream().filter(c.skills()::contains).count() >= o.skills().size()));

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
                        scores[k] = oracle.grade().fits(set.offerTruth().get(q.id()), set.candidateTruth().get(h.id())) ? 1 : 0;
                        factors[k] = 1;
                        return new RankingQuery.Hit(h.id(), h.grade(), scores, factors);
                    }).toList(), q.allGrades())).toList();
            out.add(heldOut(oracle.name() + " from the truth", replaced, start, part));
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
