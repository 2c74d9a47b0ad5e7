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
 * @param text       what is embedded and matched as text; null for a retrieved document ({@link #scored})
 * @param occupation the taxonomy occupation its headline or title names, or null
 * @param coreSkills an offer's skills its candidates are scored on ({@link NormalizedJobOffer#coreSkills()}); a
 *                   candidate's skills
 * @param years a candidate's years of experience, or the years an offer requires
 */
record Subject(long id, String text, String occupation, List<String> skills, List<String> coreSkills,
               Seniority seniority, String location,
               boolean remote, Integer years, List<String> languages, EducationLevel education, String tenantId) {

    /** The query's side: its text is embedded (when it has no stored vector) and matched in Elasticsearch. */
    static Subject of(NormalizedDocument document) {
        return of(document, document.embeddingText());
    }

    /**
     * A retrieved document, as scoring sees it: without its text, which only the query's side reads (joining each
     * pooled document's sentences was 6 % of a request's allocation).
     */
    static Subject scored(NormalizedDocument document) {
        return of(document, null);
    }

    private static Subject of(NormalizedDocument document, String text) {
        return switch (document) {
            case NormalizedCandidate c -> of(c, text);
            case NormalizedJobOffer o -> of(o, text);
        };
    }

    private static Subject of(NormalizedCandidate c, String text) {
        return new Subject(c.candidateId(), text, c.occupation(), c.skills(), c.skills(), c.seniority(), c.location(),
                false, c.experienceYears(), c.languages(), c.education(), c.tenantId());
    }

    private static Subject of(NormalizedJobOffer o, String text) {
        return new Subject(o.jobOfferId(), text, o.occupation(), o.requiredSkills(), o.coreSkills(),
                o.seniority(),
                o.location(), o.remote(), o.minExperienceYears(), o.languages(), o.education(), o.tenantId());
    }
}
