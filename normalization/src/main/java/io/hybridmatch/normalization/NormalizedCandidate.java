package io.hybridmatch.normalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A candidate profile after normalisation: the occupation its headline names, canonical skills (listed and named in
 * the headline or summary), derived seniority, education level, language codes.
 */
public record NormalizedCandidate(long candidateId, String firstName, String lastName, String headline, String occupation,
                                  String summary,
                                  List<String> skills, String location, Integer experienceYears, Seniority seniority,
                                  EducationLevel education, List<String> languages, String tenantId, Instant updatedAt) {

    /** One text for the sentence model: what the person does, then how they describe it, then their skills. */
    public String embeddingText() {
        return Texts.joinSentences(headline, summary, skills.isEmpty() ? null : "Skills: " + String.join(", ", Texts.readable(skills)));
    }

    /** The Elasticsearch record (schema fields of the {@code candidates} index). */
    public Map<String, Object> toRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("candidate_id", candidateId);
        Texts.putIfPresent(record, "first_name", firstName);
        Texts.putIfPresent(record, "last_name", lastName);
        Texts.putIfPresent(record, "headline", headline);
        Texts.putIfPresent(record, "occupation", occupation);
        Texts.putIfPresent(record, "summary", summary);
        record.put("skills", new ArrayList<>(skills));
        Texts.putIfPresent(record, "location", location);
        Texts.putIfPresent(record, "experience_years", experienceYears);
        Texts.putIfPresent(record, "seniority", seniority == null ? null : seniority.code());
        Texts.putIfPresent(record, "education", education == null ? null : education.code());
        record.put("languages", new ArrayList<>(languages));
        Texts.putIfPresent(record, "tenant_id", tenantId);
        record.put("updated_at", updatedAt.toString());
        return record;
    }
}
