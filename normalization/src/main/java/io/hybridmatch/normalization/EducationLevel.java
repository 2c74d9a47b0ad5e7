package io.hybridmatch.normalization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Highest degree, ordered, French and English names (Bac+2 ≈ associate, Bac+3 ≈ bachelor, Bac+5 ≈ master). */
public enum EducationLevel {
    SECONDARY, ASSOCIATE, BACHELOR, MASTER, DOCTORATE;

    private static final Map<EducationLevel, List<String>> WORDS = Map.of(
            SECONDARY, List.of("bac", "baccalaureat", "high school", "cap", "bep", "a levels"),
            ASSOCIATE, List.of("bac+2", "bac +2", "bts", "dut", "deug", "associate", "associate degree", "hnd"),
            BACHELOR, List.of("bac+3", "bac +3", "licence", "license", "bachelor", "bachelors", "bsc", "ba", "but", "licence pro"),
            MASTER, List.of("bac+5", "bac +5", "master", "masters", "msc", "mba", "ingenieur", "diplome d ingenieur", "engineering degree", "dess", "dea", "grande ecole"),
            DOCTORATE, List.of("bac+8", "bac +8", "phd", "ph.d", "doctorat", "doctorate", "these", "doctor"));

    /** 0 for the lowest level: the constants are declared in ascending order. */
    @SuppressWarnings("EnumOrdinal")
    public int rank() {
        return ordinal();
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The highest level a free text names ("Master MIAGE, licence d'informatique" → MASTER). */
    public static Optional<EducationLevel> parse(String text) {
        return TextFolding.highestNamed(text, values(), WORDS);
    }
}
