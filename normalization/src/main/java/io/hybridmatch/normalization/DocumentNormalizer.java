package io.hybridmatch.normalization;

import io.hybridmatch.normalization.taxonomy.OccupationReader;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the payload a Django task carries (the serialised model: field name → JSON value) into a normalised
 * candidate or offer, refusing with a message naming the field anything it cannot index.
 */
public final class DocumentNormalizer {

    private static final int MAX_TEXT = 20_000;

    private final SkillDictionary skills;
    private final OccupationReader occupations;
    private final CoreSkills coreSkills;
    private final LevelReader levels;

    public DocumentNormalizer(Taxonomy taxonomy) {
        this(taxonomy, UnknownSkills.KEEP);
    }

    /** With a fallback for listed skills the taxonomy has no label for. */
    public DocumentNormalizer(Taxonomy taxonomy, UnknownSkills unknownSkills) {
        this.skills = new SkillDictionary(taxonomy, unknownSkills);
        this.occupations = new OccupationReader(taxonomy);
        this.coreSkills = new CoreSkills(taxonomy);
        this.levels = new LevelReader(taxonomy);
    }

    /** On the shipped taxonomy plus the deployment's files ({@link TaxonomyFiles#configured()}). */
    public static DocumentNormalizer bundled() {
        return new DocumentNormalizer(TaxonomyFiles.configured());
    }

    public Taxonomy taxonomy() {
        return skills.taxonomy();
    }

    public SkillDictionary skills() {
        return skills;
    }

    public NormalizedCandidate candidate(Map<String, ?> p) {
        Fields f = new Fields("candidate", p);
        long id = f.id("candidate_id");
        String headline = f.text("headline");
        String summary = f.text("summary");
        List<String> skillList = withSkillsNamedIn(skills.normalize(f.strings("skills")), headline, summary);
        if (headline == null && summary == null && skillList.isEmpty()) {
            throw new InvalidDocumentException("candidate " + id + " has no headline, summary or skills to match on");
        }
        Integer years = f.integer("experience_years", 0, 80);
        String occupation = occupations.occupation(headline, summary, skillList);
        Seniority seniority = levels.level(f.text("seniority"), headline, occupation, years, summary);
        return new NormalizedCandidate(id, f.text("first_name"), f.text("last_name"), headline,
                occupation, summary, skillList,
                f.text("location"), years, seniority, education(f), Languages.normalize(f.strings("languages")),
                f.text("tenant_id"), f.requiredTime("updated_at"));
    }

    public NormalizedJobOffer jobOffer(Map<String, ?> p) {
        Fields f = new Fields("job offer", p);
        long id = f.id("job_offer_id");
        String title = f.text("title");
        if (title == null) {
            throw new InvalidDocumentException("job offer " + id + ": title is required");
        }
        String description = f.text("description");
        List<String> listed = skills.normalize(f.strings("required_skills"));
        List<String> required = withSkillsNamedIn(listed, title, description);
        String occupation = occupations.occupation(title, description, required);
        Instant postedAt = f.time("posted_at");
        Instant updatedAt = Optional.ofNullable(f.time("updated_at")).orElse(postedAt);
        if (updatedAt == null) {
            throw new InvalidDocumentException("job offer " + id + ": updated_at (or posted_at) is required to order updates");
        }
        Integer minYears = f.integer("min_experience_years", 0, 80);
        Seniority seniority = levels.level(f.text("seniority"), title, occupation, minYears, description);
        return new NormalizedJobOffer(id, title, occupation, description, f.text("company"), f.text("location"), seniority,
                f.bool("is_remote"), List.copyOf(required),
                coreSkills.of(required, withSkillsNamedIn(listed, title, null), occupation), minYears, education(f),
                Languages.normalize(f.strings("languages")), f.text("tenant_id"), postedAt, updatedAt);
    }

    /** Listed skills first, then those the title/headline and the free text name. */
    private List<String> withSkillsNamedIn(List<String> listed, String title, String text) {
        List<String> all = new ArrayList<>(listed);
        for (String found : skills.extract(Texts.joinSentences(title, text))) {
            if (!all.contains(found)) {
                all.add(found);
            }
        }
        return List.copyOf(all);
    }

    private static EducationLevel education(Fields f) {
        List<String> values = f.strings("education");
        return values.isEmpty() ? null : EducationLevel.parse(String.join(", ", values)).orElse(null);
    }

    /** Typed access to the payload with field-naming errors. */
    private record Fields(String kind, Map<String, ?> payload) {

        long id(String field) {
            Object value = payload.get(field);
            return DocumentValues.id(value).orElseThrow(() -> new InvalidDocumentException(
                    kind + ": " + field + " must be a non-negative integer, got " + describe(value)));
        }

        String text(String field) {
            Object value = payload.get(field);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                throw new InvalidDocumentException(kind + ": " + field + " must be a string, got " + describe(value));
            }
            if (s.length() > MAX_TEXT) {
                throw new InvalidDocumentException(kind + ": " + field + " is longer than " + MAX_TEXT + " characters");
            }
            return s.isBlank() ? null : s.strip();
        }

        /** A list of strings, or one string (a comma-separated list as some forms send). */
        List<String> strings(String field) {
            Object value = payload.get(field);
            if (value == null) {
                return List.of();
            }
            if (value instanceof String s) {
                return List.of(s.split("[,;]"));
            }
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw new InvalidDocumentException(kind + ": " + field + " must be a list of strings, got " + describe(value));
        }

        Integer integer(String field, int min, int max) {
            Object value = payload.get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
                return (int) Math.round(n.doubleValue());
            }
            throw new InvalidDocumentException(kind + ": " + field + " must be a number from " + min + " to " + max
                    + ", got " + describe(value));
        }

        boolean bool(String field) {
            Object value = payload.get(field);
            return switch (value) {
                case null -> false;
                case Boolean b -> b;
                case String s when s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") -> Boolean.parseBoolean(s);
                default -> throw new InvalidDocumentException(kind + ": " + field + " must be true or false, got " + describe(value));
            };
        }

        Instant requiredTime(String field) {
            Instant time = time(field);
            if (time == null) {
                throw new InvalidDocumentException(kind + ": " + field + " is required to order updates");
            }
            return time;
        }

        /** ISO-8601 as Django's JSON encoder writes it; a naive time is UTC (Django's USE_TZ=False). */
        Instant time(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            Instant time;
            try {
                time = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    time = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new InvalidDocumentException(kind + ": " + field + " is not an ISO-8601 date-time: " + text);
                }
            }
            if (!DocumentValues.isVersionTime(time)) {
                throw new InvalidDocumentException(kind + ": " + field + " must be between 1970 and 9999, got " + text);
            }
            return time;
        }

        private static String describe(Object value) {
            if (value == null) {
                return "nothing";
            }
            String text = String.valueOf(value);
            return (text.length() > 40 ? text.substring(0, 40) + "…" : text) + " (" + value.getClass().getSimpleName() + ")";
        }
    }
}
