package io.hybridmatch.eval;

import io.hybridmatch.matching.MatchDirection;
import java.util.List;
import java.util.function.Function;

/**
 * What is wrong in a system's top 10, from the latent truths: the share of hits of another occupation, and of hits of
 * the right occupation at a level more than one step away, in another city for an on-site offer, or holding less
 * than half of the offer's required skills (sets that model skills only). A hit may count in several columns.
 */
record ErrorAnatomy(String set, String direction, String system, int hits, double wrongOccupation, double wrongLevel,
                    double wrongCity, double lowSkills, double gradeThree) {

    static ErrorAnatomy of(String system, LabelledSet set, MatchDirection direction, List<RankingQuery> pool,
                           Function<RankingQuery, double[]> weights) {
        return of(system, set, set.name(), direction, pool.stream().filter(q -> q.set().equals(set.name())).toList(), weights);
    }

    /** @param label the set, or the part of it ({@link SealedPart}) the pool holds */
    static ErrorAnatomy of(String system, LabelledSet set, String label, MatchDirection direction, List<RankingQuery> pool,
                           Function<RankingQuery, double[]> weights) {
        return ranked(system, set, label, direction, pool, q -> LinearRanker.rank(q, weights.apply(q)));
    }

    /** The pools in their ideal order: what the top 10 holds when nothing better is in the pool. */
    static ErrorAnatomy ideal(String system, LabelledSet set, String label, MatchDirection direction, List<RankingQuery> pool) {
        return ranked(system, set, label, direction, pool, q -> q.hits().stream()
                .sorted(java.util.Comparator.comparingInt((RankingQuery.Hit h) -> -h.grade()).thenComparingLong(RankingQuery.Hit::id)).toList());
    }

    private static ErrorAnatomy ranked(String system, LabelledSet set, String label, MatchDirection direction,
                                       List<RankingQuery> pool, Function<RankingQuery, List<RankingQuery.Hit>> ranking) {
        int n = 0;
        int occupation = 0;
        int level = 0;
        int city = 0;
        int skills = 0;
        int three = 0;
        boolean skillsKnown = set.offerTruth().values().iterator().next().skills() != null;
        for (RankingQuery q : pool) {
            if (!q.set().equals(set.name()) || q.direction() != direction) {
                continue;
            }
            for (RankingQuery.Hit hit : ranking.apply(q).stream().limit(10).toList()) {
                boolean forOffer = direction == MatchDirection.CANDIDATES_FOR_OFFER;
                LabelledSet.Truth offer = set.offerTruth().get(forOffer ? q.id() : hit.id());
                LabelledSet.Truth candidate = set.candidateTruth().get(forOffer ? hit.id() : q.id());
                n++;
                three += hit.grade() == 3 ? 1 : 0;
                if (!offer.occupation().equals(candidate.occupation())) {
                    occupation++;
                    continue;
                }
                level += Math.abs(offer.level() - candidate.level()) > 1 ? 1 : 0;
                city += !offer.remote() && !offer.city().equals(candidate.city()) ? 1 : 0;
                if (skillsKnown) {
                    long held = offer.skills().stream().filter(candidate.skills()::contains).count();
                    skills += 2 * held < offer.skills().size() ? 1 : 0;
                }
            }
        }
        double total = Math.max(1, n);
        return new ErrorAnatomy(label, SystemScores.group("", direction).trim(), system, n, occupation / total,
                level / total, city / total, skillsKnown ? skills / total : Double.NaN, three / total);
    }

    static String table(List<ErrorAnatomy> rows) {
        StringBuilder out = new StringBuilder("| set | direction | system | wrong occupation | right occupation, wrong level"
                + " | right occupation, wrong city | right occupation, < half the required skills | grade 3 |\n|---|---|---|---|---|---|---|---|\n");
        for (ErrorAnatomy r : rows) {
            out.append(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %.0f %% | %.0f %% | %.0f %% | %s | %.0f %% |%n",
                    r.set(), r.direction(), r.system(), 100 * r.wrongOccupation(), 100 * r.wrongLevel(), 100 * r.wrongCity(),
                    Double.isNaN(r.lowSkills()) ? "n/a (not modelled)" : String.format(java.util.Locale.ROOT, "%.0f %%", 100 * r.lowSkills()),
                    100 * r.gradeThree()));
        }
        return out.toString();
    }
}
