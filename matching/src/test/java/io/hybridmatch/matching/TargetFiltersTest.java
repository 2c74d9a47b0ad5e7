package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.hybridmatch.normalization.DocumentNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetFiltersTest {

    private final DocumentNormalizer normalizer = DocumentNormalizer.bundled();
    private final TargetFilters filters = new TargetFilters(normalizer.skills(), normalizer.taxonomy());

    @Test
    void aMustHaveOccupationKeepsTheOccupationsOfItsTradeThatScoringCallsTheSame() {
        Subject juriste = new Subject(1, "Juriste d'entreprise", "legal_consultant", List.of(), List.of(), null, null, false, null,
                List.of(), null, null);
        MatchQuery must = MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).with(Criterion.OCCUPATION, Importance.MUST);
        assertThat(occupationsKept(filters.of(must, juriste, null)))
                .containsExactly("corporate_lawyer", "lawyer", "legal_consultant");
        assertThat(occupationsKept(filters.of(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1), juriste, null)))
                .as("a should criterion filters nothing").isEmpty();
    }

    @Test
    void mustHaveSkillsAreTheOffersCoreSkillsNotEverySkillItsDescriptionNames() {
        Subject offer = new Subject(1, "Soudeur TIG", "welder", List.of("tig_welding", "excel"), List.of("tig_welding"), null,
                null, false, null, List.of(), null, null);
        MatchQuery must = MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).with(Criterion.SKILLS, Importance.MUST);
        assertThat(skillsRequired(filters.of(must, offer, null))).containsExactly("tig_welding");
    }

    private static List<String> skillsRequired(List<Query> clauses) {
        return clauses.stream().filter(Query::isTerm).filter(q -> q.term().field().equals("skills"))
                .map(q -> q.term().value().stringValue()).toList();
    }

    private static List<String> occupationsKept(List<Query> clauses) {
        return clauses.stream().filter(Query::isTerms).filter(q -> q.terms().field().equals("occupation"))
                .flatMap(q -> q.terms().terms().value().stream()).map(FieldValue::stringValue).toList();
    }
}
