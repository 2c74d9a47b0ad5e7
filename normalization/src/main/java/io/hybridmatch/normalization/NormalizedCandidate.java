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
                                  EducationLevel education, List<String> languages, String tenantId, Instant updatedAt)
        implements NormalizedDocument {

    /** A record written by {@link #toRecord()}, back as it was stored: nothing is normalised again. */
    public static NormalizedCandidate fromRecord(Map<String, ?> stored) {
        StoredRecord r = new StoredRecord(stored);
        return new NormalizedCandidate(r.id("candidate_id"), r.text("first_name"), r.text("last_name"), r.text("headline"),
                r.text("occupation"), r.text("summary"), r.strings("skills"), r.text("location"), r.integer("experience_years"),
                r.code("seniority", Seniority.class), r.code("education", EducationLevel.class), r.strings("languages"),
                r.text("tenant_id"), r.time("updated_at"));
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CANDIDATE;
    }

    @Override
    public long id() {
        return candidateId;
    }

    @Override
    public String title() {
        return headline;
    }

    /** One text for the sentence model: what the person does, then how they describe it, then their skills. */
    @Override
    public String embeddingText() {
        return Texts.joinSentences(headline, summary, skills.isEmpty() ? null : "Skills: " + String.join(", ", Texts.readable(skills)));
    }

    /** The Elasticsearch record (schema fields of the {@code candidates} index). */
    @Override
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
