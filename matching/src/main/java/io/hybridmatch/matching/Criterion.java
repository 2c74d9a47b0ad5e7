package io.hybridmatch.matching;

/**
 * The scored categories besides retrieval itself: the one list of them (weights, importance, explanations and the
 * weights file all use {@link #key()}).
 */
public enum Criterion {
    SKILLS, OCCUPATION, OCCUPATION_CONSENSUS, SENIORITY, LOCATION, EXPERIENCE, LANGUAGES, EDUCATION, SKILL_CONSENSUS, OCCUPATION_LOCATION;

    /** Made once: it is read for every criterion of every scored document. */
    private final String key = name().toLowerCase(java.util.Locale.ROOT);

    public String key() {
        return key;
    }
}
