package io.hybridmatch.normalization;

import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Skills as candidates and recruiters write them → the taxonomy's canonical skill ids, French and English:
 * "JS", "Javascript" → javascript; "K8s" → kubernetes; "gestion des projets" → project_management; "CACES 3" → caces.
 *
 * <p>Free text is matched against the taxonomy's labels, longest phrase first, on folded words: the vocabulary of
 * skills is curated, a label match is explainable (the explanation names the skill), needs no training data, and a
 * wrong match is fixed by editing one line of a data file. Labels marked list-only ("go", "R", "sage") are too
 * ambiguous for free text and count only in skill lists.
 */
public final class SkillDictionary {

    private final Taxonomy taxonomy;
    private final UnknownSkills unknown;

    public SkillDictionary(Taxonomy taxonomy) {
        this(taxonomy, UnknownSkills.KEEP);
    }

    /** With a fallback for listed skills no label names (e.g. the nearest skill by embedding similarity). */
    public SkillDictionary(Taxonomy taxonomy, UnknownSkills unknown) {
        this.taxonomy = taxonomy;
        this.unknown = unknown;
    }

    /** The shipped taxonomy plus the deployment's files ({@link TaxonomyFiles#configured()}). */
    public static SkillDictionary bundled() {
        return new SkillDictionary(TaxonomyFiles.configured());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The canonical id of one skill as a candidate or recruiter wrote it, if the taxonomy knows it. */
    public Optional<String> canonical(String skill) {
        return taxonomy.skillNamed(skill);
    }

    /**
     * Canonical ids, in first-seen order, without duplicates; a skill no label names goes to the fallback, and is
     * kept in folded form when that finds nothing.
     */
    public List<String> normalize(List<String> skills) {
        Set<String> out = new LinkedHashSet<>();
        for (String skill : skills) {
            String folded = TextFolding.fold(skill);
            if (!folded.isEmpty()) {
                out.add(canonical(skill).or(() -> unknown.nearest(skill)).orElse(folded));
            }
        }
        return List.copyOf(out);
    }

    /** Skills named in free text (a summary, an offer's description), longest phrase first, in order of appearance. */
    public List<String> extract(String text) {
        return text == null ? List.of() : taxonomy.skillsIn(text);
    }
}
