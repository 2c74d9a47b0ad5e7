package io.hybridmatch.matching;

import java.time.Instant;
import java.util.List;

/**
 * Hard filters, held by every returned hit on both retrievers.
 *
 * @param locations      target document's location is one of these (offers: or the offer is remote)
 * @param seniorities    junior/mid/senior/lead
 * @param skills         must-have skills (canonical or any alias), all required
 * @param remote         offers only: remote or not
 * @param minExperience  range on the target's experience field: a candidate's years, an offer's required years
 * @param maxExperience  (either bound may be null)
 * @param since          candidates updated / offers posted at or after
 * @param tenantId       owner: one index may serve several client companies, results never cross
 */
public record MatchFilters(List<String> locations, List<String> seniorities, List<String> skills, Boolean remote,
                           Integer minExperience, Integer maxExperience, Instant since, String tenantId) {

    public static MatchFilters none() {
        return new MatchFilters(List.of(), List.of(), List.of(), null, null, null, null, null);
    }

    public MatchFilters {
        locations = locations == null ? List.of() : List.copyOf(locations);
        seniorities = seniorities == null ? List.of() : List.copyOf(seniorities);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    public MatchFilters withTenant(String tenant) {
        return new MatchFilters(locations, seniorities, skills, remote, minExperience, maxExperience, since, tenant);
    }
}
