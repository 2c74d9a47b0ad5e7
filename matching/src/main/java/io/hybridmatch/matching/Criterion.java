package io.hybridmatch.matching;

/**
 * The scored categories besides retrieval itself: the one list of them (weights, importance, explanations and the
 * weights file all use {@link #key()}).
 */
public enum Criterion {
    SKILLS, OCCUPATION, SENIORITY, LOCATION, EXPERIENCE, LANGUAGES, EDUCATION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
