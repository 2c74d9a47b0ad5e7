package io.hybridmatch.normalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job offer after normalisation: the occupation its title names; required skills = the listed ones plus those named in its title and text, canonical. */
public record NormalizedJobOffer(long jobOfferId, String title, String occupation, String description, String company,
                                 String location,
                                 Seniority seniority, boolean remote, List<String> requiredSkills,
                                 Integer minExperienceYears, EducationLevel education, List<String> languages,
                                 String tenantId, Instant postedAt, Instant updatedAt) {

    public String embeddingText() {
        return Texts.joinSentences(title, description,
                requiredSkills.isEmpty() ? null : "Skills: " + String.join(", ", Texts.readable(requiredSkills)));
    }

    public Map<String, Object> toRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("job_offer_id", jobOfferId);
        Texts.putIfPresent(record, "title", title);
        Texts.putIfPresent(record, "occupation", occupation);
        Texts.putIfPresent(record, "description", description);
        Texts.putIfPresent(record, "company", company);
        Texts.putIfPresent(record, "location", location);
        Texts.putIfPresent(record, "seniority", seniority == null ? null : seniority.code());
        record.put("is_remote", remote);
        record.put("required_skills", new ArrayList<>(requiredSkills));
        Texts.putIfPresent(record, "min_experience_years", minExperienceYears);
        Texts.putIfPresent(record, "education", education == null ? null : education.code());
        record.put("languages", new ArrayList<>(languages));
        Texts.putIfPresent(record, "tenant_id", tenantId);
        Texts.putIfPresent(record, "posted_at", postedAt == null ? null : postedAt.toString());
        record.put("updated_at", updatedAt.toString());
        return record;
    }
}
