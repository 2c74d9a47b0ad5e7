package io.hybridmatch.matching;

import io.hybridmatch.normalization.Seniority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The match features of an (offer, candidate) pair, each in [0, 1] or absent when a side does not state it.
 * The same in both directions: it is always the offer's requirements against the candidate's profile.
 */
final class FeatureScorer {

    /** Distance at which the location score falls to 1/e: about a daily commute. */
    private static final double LOCATION_SCALE_KM = 60;

    private final Gazetteer gazetteer;

    FeatureScorer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    record Features(Map<Criterion, Double> scores, List<String> matchedSkills, List<String> missingSkills) {
    }

    Features score(Subject offer, Subject candidate) {
        Map<Criterion, Double> scores = new LinkedHashMap<>();
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (!offer.skills().isEmpty()) {
            for (String skill : offer.skills()) {
                (candidate.skills().contains(skill) ? matched : missing).add(skill);
            }
            scores.put(Criterion.SKILLS, matched.size() / (double) offer.skills().size());
        }
        if (offer.seniority() != null && candidate.seniority() != null) {
            int gap = Math.abs(offer.seniority().rank() - candidate.seniority().rank());
            scores.put(Criterion.SENIORITY, 1 - gap / (double) (Seniority.values().length - 1));
        }
        Double location = location(offer, candidate);
        if (location != null) {
            scores.put(Criterion.LOCATION, location);
        }
        if (offer.years() != null && candidate.years() != null) {
            scores.put(Criterion.EXPERIENCE, offer.years() == 0 || candidate.years() >= offer.years() ? 1.0
                    : candidate.years() / (double) offer.years());
        }
        if (!offer.languages().isEmpty() && !candidate.languages().isEmpty()) {
            long spoken = offer.languages().stream().filter(candidate.languages()::contains).count();
            scores.put(Criterion.LANGUAGES, spoken / (double) offer.languages().size());
        }
        if (offer.education() != null && candidate.education() != null) {
            int gap = offer.education().ordinal() - candidate.education().ordinal();
            scores.put(Criterion.EDUCATION, gap <= 0 ? 1.0 : Math.max(0, 1 - gap / 4.0));
        }
        return new Features(scores, matched, missing);
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
