package io.hybridmatch.normalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Ids and update times as JSON brings them: what a long holds exactly is accepted, nothing is silently changed. */
class DocumentValuesTest {

    @Test
    void anIdIsANonNegativeWholeNumberThatALongHolds() {
        assertThat(DocumentValues.id(7)).hasValue(7);
        assertThat(DocumentValues.id(7L)).hasValue(7);
        assertThat(DocumentValues.id(7.0)).hasValue(7);
        assertThat(DocumentValues.id("42")).hasValue(42);
        assertThat(DocumentValues.id(BigInteger.valueOf(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
        // what a cast to long would have turned into another id
        for (Object bad : List.of(Double.POSITIVE_INFINITY, Double.NaN, -1, 3.5, 1e20, new BigDecimal("1e400"),
                new BigInteger("123456789012345678901234567890"), BigInteger.ONE.shiftLeft(64), "abc", "-1", true)) {
            assertThat(DocumentValues.id(bad)).as("%s", bad).isEqualTo(OptionalLong.empty());
        }
        assertThat(DocumentValues.id(null)).isEmpty();
    }

    @Test
    void anUpdateTimeIsAVersionFrom1970To9999() {
        assertThat(DocumentValues.isVersionTime(Instant.parse("2026-11-20T10:00:00Z"))).isTrue();
        assertThat(DocumentValues.isVersionTime(Instant.EPOCH)).isTrue();
        assertThat(DocumentValues.isVersionTime(Instant.parse("1969-12-31T23:59:59Z"))).isFalse();
        assertThat(DocumentValues.isVersionTime(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void theNormalizerRefusesSuchIdsAndTimesNamingTheField() {
        DocumentNormalizer normalizer = DocumentNormalizer.bundled();
        Map<String, Object> c = new HashMap<>(Map.of("candidate_id", 1, "headline", "Java developer",
                "updated_at", "2026-11-20T10:00:00Z"));
        c.put("candidate_id", Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> normalizer.candidate(c)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("candidate_id must be a non-negative integer");
        c.put("candidate_id", 1);
        c.put("updated_at", "+999999999-12-31T23:59:59Z");
        assertThatThrownBy(() -> normalizer.candidate(c)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("updated_at must be between 1970 and 9999");
        c.put("updated_at", "1960-01-01T00:00:00Z");
        assertThatThrownBy(() -> normalizer.candidate(c)).hasMessageContaining("updated_at must be between 1970 and 9999");
    }
}
