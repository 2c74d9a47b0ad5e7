package io.hybridmatch.normalization.taxonomy;

import java.util.Locale;

/** What the taxonomy holds, for the README and the start-up log. */
public record Figures(int occupations, int skills, int labelsFr, int labelsEn, int labelsBoth, int occupationsWithTypicalSkills,
                      int broaderRelations, int relatedRelations) {

    static Figures of(Taxonomy taxonomy) {
        int fr = 0;
        int en = 0;
        int both = 0;
        int broader = 0;
        int related = 0;
        int typical = 0;
        for (Concept c : taxonomy.occupations()) {
            broader += c.broader().size();
            typical += c.linked().isEmpty() ? 0 : 1;
        }
        for (Concept c : taxonomy.skills()) {
            broader += c.broader().size();
            related += c.linked().size();
        }
        for (Iterable<Concept> kind : java.util.List.of(taxonomy.occupations(), taxonomy.skills())) {
            for (Concept c : kind) {
                for (Label label : c.labels()) {
                    switch (label.language()) {
                        case "fr" -> fr++;
                        case "en" -> en++;
                        default -> both++;
                    }
                }
            }
        }
        return new Figures(taxonomy.occupations().size(), taxonomy.skills().size(), fr, en, both, typical, broader, related);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d occupations (%,d with typical skills), %,d skills; labels: %,d French, "
                        + "%,d English, %,d both; %,d broader and %,d related links", occupations, occupationsWithTypicalSkills,
                skills, labelsFr, labelsEn, labelsBoth, broaderRelations, relatedRelations);
    }
}
