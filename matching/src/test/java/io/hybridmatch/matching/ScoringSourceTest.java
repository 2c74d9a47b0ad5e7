package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.DocumentKind;
import io.hybridmatch.normalization.DocumentNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What scoring sees of a target document is the same whether its free texts were fetched or not. */
class ScoringSourceTest {

    private static final DocumentNormalizer NORMALIZER = DocumentNormalizer.bundled();

    private static Subject scored(DocumentKind kind, Map<String, Object> record) {
        return Subject.scored(kind.fromRecord(record));
    }

    private static Map<String, Object> withoutUnscored(DocumentKind kind, Map<String, Object> record) {
        Map<String, Object> filtered = new HashMap<>(record);
        ScoringSource.unscored(kind).forEach(filtered::remove);
        return filtered;
    }

    @Test
    void aCandidateScoresTheSameWithoutItsTexts() {
        Map<String, Object> candidate = new HashMap<>(HybridMatcherIT.candidate(14, "Développeur JavaScript senior",
                "Node.js, React, TypeScript. Anglais courant, master en informatique.", List.of("JavaScript", "Node.js"),
                "Lyon", 9, "acme"));
        candidate.put("first_name", "Camille");
        candidate.put("last_name", "Martin");
        candidate.put("languages", List.of("fr", "en"));
        candidate.put("education", "master");
        Map<String, Object> record = DocumentKind.CANDIDATE.normalize(NORMALIZER, candidate).toRecord();
        assertThat(record).containsKeys(ScoringSource.unscored(DocumentKind.CANDIDATE).toArray(String[]::new));
        assertThat(scored(DocumentKind.CANDIDATE, withoutUnscored(DocumentKind.CANDIDATE, record)))
                .isEqualTo(scored(DocumentKind.CANDIDATE, record));
    }

    @Test
    void anOfferScoresTheSameWithoutItsTexts() {
        Map<String, Object> offer = new HashMap<>(HybridMatcherIT.OFFER);
        offer.put("company", "Acme");
        offer.put("is_remote", true);
        offer.put("min_experience_years", 3);
        Map<String, Object> record = DocumentKind.JOB_OFFER.normalize(NORMALIZER, offer).toRecord();
        assertThat(record).containsKeys(ScoringSource.unscored(DocumentKind.JOB_OFFER).toArray(String[]::new));
        assertThat(scored(DocumentKind.JOB_OFFER, withoutUnscored(DocumentKind.JOB_OFFER, record)))
                .isEqualTo(scored(DocumentKind.JOB_OFFER, record));
    }
}
