package io.hybridmatch.matching;

import io.hybridmatch.normalization.EducationLevel;
import io.hybridmatch.normalization.NormalizedCandidate;
import io.hybridmatch.normalization.NormalizedDocument;
import io.hybridmatch.normalization.NormalizedJobOffer;
import io.hybridmatch.normalization.Seniority;
import java.util.List;

/**
 * One side of a match, either kind, in the terms scoring compares.
 *
 * @param occupation the taxonomy occupation its headline or title names, or null
 * @param coreSkills an offer's skills its candidates are scored on ({@link NormalizedJobOffer#coreSkills()}); a
 *                   candidate's skills
 * @param years a candidate's years of experience, or the years an offer requires
 */
record Subject(long id, String text, String occupation, List<String> skills, List<String> coreSkills,
               Seniority seniority, String location,
               boolean remote, Integer years, List<String> languages, EducationLevel education, String tenantId) {

    static Subject of(NormalizedDocument document) {
        return switch (document) {
            case NormalizedCandidate c -> of(c);
            case NormalizedJobOffer o -> of(o);
        };
    }

    private static Subject of(NormalizedCandidate c) {
        return new Subject(c.candidateId(), c.embeddingText(), c.occupation(), c.skills(), c.skills(), c.seniority(), c.location(),
                false, c.experienceYears(), c.languages(), c.education(), c.tenantId());
    }

    private static Subject of(NormalizedJobOffer o) {
        return new Subject(o.jobOfferId(), o.embeddingText(), o.occupation(), o.requiredSkills(), o.coreSkills(),
                o.seniority(),
                o.location(), o.remote(), o.minExperienceYears(), o.languages(), o.education(), o.tenantId());
    }
}
