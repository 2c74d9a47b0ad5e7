package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class CeleryTimesTest {

    @Test
    void writesLikePythonIsoformat() {
        assertThat(CeleryTimes.isoformat(OffsetDateTime.parse("2026-11-24T20:50:40.993130Z")))
                .isEqualTo("2026-11-24T20:50:40.993130+00:00");
        assertThat(CeleryTimes.isoformat(OffsetDateTime.parse("2026-11-24T20:50:40.000007+02:00")))
                .isEqualTo("2026-11-24T20:50:40.000007+02:00");
        // Python drops a zero fraction, and datetime only keeps microseconds.
        assertThat(CeleryTimes.isoformat(OffsetDateTime.parse("2026-11-24T20:50:40Z")))
                .isEqualTo("2026-11-24T20:50:40+00:00");
        assertThat(CeleryTimes.isoformatNaive(LocalDateTime.parse("2026-11-24T20:50:24.705661999")))
                .isEqualTo("2026-11-24T20:50:24.705661");
    }

    @Test
    void readsAwareAndNaiveTimestamps() {
        assertThat(CeleryTimes.parse("2026-11-24T20:50:40.993130+01:00"))
                .isEqualTo(OffsetDateTime.parse("2026-11-24T20:50:40.993130+01:00"));
        assertThat(CeleryTimes.parse("2026-11-24T20:50:40.993130"))
                .isEqualTo(OffsetDateTime.parse("2026-11-24T20:50:40.993130Z"));
        assertThatThrownBy(() -> CeleryTimes.parse("24/11/2026")).isInstanceOf(DateTimeParseException.class);
    }
}
