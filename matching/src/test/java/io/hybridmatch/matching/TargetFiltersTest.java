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

    private static List<String> occupationsKept(List<Query> clauses) {
        return clauses.stream().filter(Query::isTerms).filter(q -> q.terms().field().equals("occupation"))
                .flatMap(q -> q.terms().terms().value().stream()).map(FieldValue::stringValue).toList();
    }
}
