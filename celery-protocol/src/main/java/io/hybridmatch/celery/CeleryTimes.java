package io.hybridmatch.celery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Timestamps as Python's {@code datetime.isoformat()} writes them, which is what Celery puts on the wire:
 * {@code 2026-11-24T20:50:40.993130+00:00} for eta/expires (aware), {@code 2026-11-24T20:50:24.705661} for the
 * result's date_done (naive UTC, {@code datetime.utcnow().isoformat()} in celery/backends/base.py). Python omits the
 * fraction when microseconds are zero and always writes the offset as {@code +HH:MM}.
 */
public final class CeleryTimes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private CeleryTimes() {
    }

    /** Aware timestamp, e.g. for eta and expires. */
    public static String isoformat(OffsetDateTime time) {
        return naive(time.toLocalDateTime()) + OFFSET.format(time);
    }

    /** Naive timestamp, e.g. date_done (pass UTC). */
    public static String isoformatNaive(LocalDateTime time) {
        return naive(time);
    }

    private static String naive(LocalDateTime time) {
        int micros = time.get(ChronoField.MICRO_OF_SECOND);
        String seconds = SECONDS.format(time);
        if (micros == 0) {
            return seconds;
        }
        String digits = Integer.toString(micros); // zero-padded to 6 by hand: String.format is slow on the result path
        return seconds + "." + "0".repeat(6 - digits.length()) + digits;
    }

    /** Python's {@code time.time()}: seconds since the epoch as a float (event timestamps, time_start). */
    public static double epochSeconds(Instant time) {
        return time.getEpochSecond() + time.getNano() / 1e9;
    }

    /**
     * Parses what a Python producer may send. A naive value is taken as UTC: Celery producers send aware values
     * (v2) or naive UTC with {@code utc: true} (v1).
     *
     * @throws DateTimeParseException if the text is not ISO-8601
     */
    public static OffsetDateTime parse(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime aware ? aware : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }
}
