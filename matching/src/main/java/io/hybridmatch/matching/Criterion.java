package io.hybridmatch.matching;

/** The scored categories besides retrieval itself. */
public enum Criterion {
    SKILLS, SENIORITY, LOCATION, EXPERIENCE, LANGUAGES, EDUCATION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
