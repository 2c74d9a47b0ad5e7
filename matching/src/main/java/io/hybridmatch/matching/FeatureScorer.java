package io.hybridmatch.matching;

import io.hybridmatch.normalization.taxonomy.Taxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The match features of an (offer, candidate) pair, each in [0, 1] or absent when a side does not state it.
 * Always the offer's requirements against the candidate's profile; only the offer's skills differ by direction.
 */
final class FeatureScorer {

    /**
     * What a requirement of the offer scores when the candidate does not say (a sparse CV: no level, years, diploma
     * or languages): neither a fit nor a miss. Left out instead, the candidate's other categories would stand in for
     * it, and saying nothing would beat a near fit.
     */
    static final double UNKNOWN = 0.5;

    /** Distance at which the location score falls to 1/e: about a daily commute. */
    private static final double LOCATION_SCALE_KM = 60;

    private final Gazetteer gazetteer;
    private final Taxonomy taxonomy;
    private final SkillCoverage coverage;

    FeatureScorer(Gazetteer gazetteer, Taxonomy taxonomy) {
        this.gazetteer = gazetteer;
        this.taxonomy = taxonomy;
        this.coverage = new SkillCoverage(taxonomy);
    }

    record Features(Map<Criterion, Double> scores, SkillCoverage.Result skills, Map<String, String> occupations) {
    }

    Features score(MatchDirection direction, Subject offer, Subject candidate) {
        Map<Criterion, Double> scores = new LinkedHashMap<>();
        // an offer's candidates are scored on its core skills; a candidate's offers on every skill each names, since
        // there the description's skills tell occupations apart (eval/README.md, "The job a CV's text names")
        List<String> required = direction == MatchDirection.CANDIDATES_FOR_OFFER ? offer.coreSkills() : offer.skills();
        SkillCoverage.Result skills = coverage.of(required, candidate.skills(), candidate.occupation());
        if (!required.isEmpty()) {
            scores.put(Criterion.SKILLS, skills.score());
        }
        Map<String, String> occupations = new LinkedHashMap<>();
        if (offer.occupation() != null && candidate.occupation() != null) {
            Taxonomy.Fit fit = taxonomy.occupationFit(offer.occupation(), candidate.occupation());
            scores.put(Criterion.OCCUPATION, fit.score());
            occupations.put("offer", offer.occupation());
            occupations.put("candidate", candidate.occupation());
            occupations.put("fit", fit.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (offer.seniority() != null) {
            scores.put(Criterion.SENIORITY, candidate.seniority() == null ? UNKNOWN
                    : offer.seniority().fits(candidate.seniority()) ? 1.0 : 0.0);
        }
        Double location = location(offer, candidate);
        if (location != null) {
            scores.put(Criterion.LOCATION, location);
        }
        if (offer.years() != null) {
            scores.put(Criterion.EXPERIENCE, candidate.years() == null ? UNKNOWN
                    : offer.years() == 0 || candidate.years() >= offer.years() ? 1.0
                    : candidate.years() / (double) offer.years());
        }
        if (!offer.languages().isEmpty()) {
            long spoken = offer.languages().stream().filter(candidate.languages()::contains).count();
            scores.put(Criterion.LANGUAGES, candidate.languages().isEmpty() ? UNKNOWN
                    : spoken / (double) offer.languages().size());
        }
        if (offer.education() != null) {
            scores.put(Criterion.EDUCATION, candidate.education() == null ? UNKNOWN
                    : Math.clamp(1 - (offer.education().rank() - candidate.education().rank()) / 4.0, 0.0, 1.0));
        }
        return new Features(scores, skills, occupations);
    }

    /** A remote offer ignores location; otherwise distance decays the score (same city = 1). */
    private Double location(Subject offer, Subject candidate) {
        if (offer.remote()) {
            return 1.0;
        }
        if (offer.location() == null || candidate.location() == null) {
            return null;
        }
        return gazetteer.distanceKm(offer.location(), candidate.location())
                .map(km -> Math.exp(-km / LOCATION_SCALE_KM))
                .orElse(offer.location().equalsIgnoreCase(candidate.location()) ? 1.0 : null);
    }
}
