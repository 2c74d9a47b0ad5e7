package io.hybridmatch.normalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job offer after normalisation: the occupation its title names; required skills = the listed ones plus those named
 * in its title and text, canonical; core skills = those its candidates are scored on ({@link CoreSkills}).
 */
public record NormalizedJobOffer(long jobOfferId, String title, String occupation, String description, String company,
                                 String location,
                                 Seniority seniority, boolean remote, List<String> requiredSkills,
                                 List<String> coreSkills,
                                 Integer minExperienceYears, EducationLevel education, List<String> languages,
                                 String tenantId, Instant postedAt, Instant updatedAt) implements NormalizedDocument {

    /** A record written by {@link #toRecord()}, back as it was stored: nothing is normalised again. */
    public static NormalizedJobOffer fromRecord(Map<String, ?> stored) {
        StoredRecord r = new StoredRecord(stored);
        return new NormalizedJobOffer(r.id("job_offer_id"), r.text("title"), r.text("occupation"), r.text("description"),
                r.text("company"), r.text("location"), r.code("seniority", Seniority.class), r.bool("is_remote"),
                r.strings("required_skills"),
                // a record indexed before core skills were stored: scored on every skill, as it was then
                stored.containsKey("core_skills") ? r.strings("core_skills") : r.strings("required_skills"),
                r.integer("min_experience_years"), r.code("education", EducationLevel.class),
                r.strings("languages"), r.text("tenant_id"), r.time("posted_at"), r.time("updated_at"));
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.JOB_OFFER;
    }

    @Override
    public long id() {
        return jobOfferId;
    }

    @Override
    public String embeddingText() {
        return Texts.joinSentences(title, description,
                requiredSkills.isEmpty() ? null : "Skills: " + String.join(", ", Texts.readable(requiredSkills)));
    }

    @Override
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
        record.put("core_skills", new ArrayList<>(coreSkills));
        Texts.putIfPresent(record, "min_experience_years", minExperienceYears);
        Texts.putIfPresent(record, "education", education == null ? null : education.code());
        record.put("languages", new ArrayList<>(languages));
        Texts.putIfPresent(record, "tenant_id", tenantId);
        Texts.putIfPresent(record, "posted_at", postedAt == null ? null : postedAt.toString());
        record.put("updated_at", updatedAt.toString());
        return record;
    }
}
