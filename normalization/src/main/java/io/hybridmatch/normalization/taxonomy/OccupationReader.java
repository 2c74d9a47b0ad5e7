package io.hybridmatch.normalization.taxonomy;

import java.util.Collection;
import java.util.List;

/**
 * A document's occupation from both things it says: its title or headline ({@link OccupationNormalizer}) and its
 * skills ({@link OccupationBySkills}). The title decides when a label covers most of what it says; when it names
 * several, the skills choose among them; when it names none, or only through a word that says little of it ("Ingénieur
 * ETL" reads as ESCO's one-word label "ingénieur"; "Chef d'équipe gros œuvre" as "chef"), the skills decide if they
 * point anywhere.
 */
public final class OccupationReader {

    /**
     * Below this share of the title's information, a label found in it is a weak reading. Chosen among 0.3, 0.4, 0.5
     * on set 2's development part only (eval/README.md); set 1 did not move.
     */
    static final double WEAK = 0.5;

    private final OccupationNormalizer titles;
    private final OccupationBySkills skills;

    public OccupationReader(Taxonomy taxonomy) {
        this.titles = new OccupationNormalizer(taxonomy);
        this.skills = new OccupationBySkills(taxonomy);
    }

    /** The occupation, or null when neither the title nor the skills name one. */
    public String occupation(String title, Collection<String> skillIds) {
        List<OccupationNormalizer.Named> named = titles.read(title);
        List<String> ids = named.stream().map(OccupationNormalizer.Named::occupation).toList();
        if (ids.isEmpty() || named.getFirst().share() < WEAK) {
            return skills.occupation(skillIds).orElse(ids.isEmpty() ? null : ids.getFirst());
        }
        return ids.size() == 1 ? ids.getFirst() : skills.among(ids, skillIds).orElse(ids.getFirst());
    }
}
