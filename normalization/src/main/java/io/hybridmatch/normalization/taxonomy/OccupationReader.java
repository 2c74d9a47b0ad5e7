package io.hybridmatch.normalization.taxonomy;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A document's occupation from what it says: its title or headline ({@link OccupationNormalizer}), its skills
 * ({@link OccupationBySkills}) and, last, its free text. The title decides when a label covers most of what it says;
 * when it names several, the skills choose among them; when it names none, or only through a word that says little
 * of it ("Ingénieur ETL" reads as ESCO's one-word label "ingénieur"; "Chef d'équipe gros œuvre" as "chef"), the
 * skills decide if they point anywhere. When neither the title nor the skills name one ("Open to work" and one
 * skill), the summary or description may: a CV that names no job in its headline names it in its text ("Previous
 * role: forklift driver", "dix ans comme comptable").
 */
public final class OccupationReader {

    /**
     * Below this share of the title's information, a label found in it is a weak reading. Chosen among 0.3, 0.4, 0.5
     * on set 2's development part only (eval/README.md); set 1 did not move.
     */
    static final double WEAK = 0.5;
    /** Where a sentence or a clause of free text ends: each is read as a title would be. */
    private static final Pattern CLAUSE = Pattern.compile("[.!?:;\\n]+(\\s|$)|\\s[-–—]\\s");

    private final OccupationNormalizer titles;
    private final OccupationBySkills skills;

    public OccupationReader(Taxonomy taxonomy) {
        this.titles = new OccupationNormalizer(taxonomy);
        this.skills = new OccupationBySkills(taxonomy);
    }

    /** The occupation, or null when neither the title, the skills nor the text (may be null) name one. */
    public String occupation(String title, String text, Collection<String> skillIds) {
        List<OccupationNormalizer.Named> named = titles.read(title);
        List<String> ids = named.stream().map(OccupationNormalizer.Named::occupation).toList();
        if (ids.isEmpty() || named.getFirst().share() < WEAK) {
            return skills.occupation(skillIds).orElseGet(() -> ids.isEmpty() ? inText(text, skillIds) : ids.getFirst());
        }
        return ids.size() == 1 ? ids.getFirst() : skills.among(ids, skillIds).orElse(ids.getFirst());
    }

    /**
     * The occupation the text names: each clause read as a title, its best label kept; among several, the one the
     * skills point to, else the one named most (the first on a tie). Only after the title and the skills, which
     * name the document's own job more surely than a sentence may (it can name a former job, or a colleague's).
     */
    private String inText(String text, Collection<String> skillIds) {
        if (text == null) {
            return null;
        }
        Map<String, Integer> times = new LinkedHashMap<>();
        for (String clause : CLAUSE.split(text)) {
            List<OccupationNormalizer.Named> found = titles.read(clause);
            if (!found.isEmpty()) {
                times.merge(found.getFirst().occupation(), 1, Integer::sum);
            }
        }
        List<String> ids = List.copyOf(times.keySet());
        if (ids.isEmpty()) {
            return null;
        }
        return skills.among(ids, skillIds).orElseGet(() -> ids.stream().max(Comparator.comparingInt(times::get)).orElseThrow());
    }
}
