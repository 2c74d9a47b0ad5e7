package io.hybridmatch.normalization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks shared by document payloads and task arguments: ids, and the times that order updates (they become
 * Elasticsearch versions, epoch milliseconds, which must be a non-negative long).
 */
public final class DocumentValues {

    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final BigDecimal MAX_ID = BigDecimal.valueOf(Long.MAX_VALUE);

    private DocumentValues() {
    }

    /**
     * A non-negative whole number that a long holds exactly (7, 7.0, "7"); empty for anything else, including the
     * numbers a cast would silently turn into another id (1e400, NaN, 2^64, 3.5).
     */
    public static OptionalLong id(Object value) {
        BigDecimal exact;
        try {
            exact = switch (value) {
                case Number n -> new BigDecimal(n.toString());
                case String s when s.matches("\\d{1,19}") -> new BigDecimal(s);
                case null, default -> null;
            };
        } catch (NumberFormatException notFinite) { // "Infinity", "NaN"
            return OptionalLong.empty();
        }
        if (exact == null || exact.signum() < 0 || exact.stripTrailingZeros().scale() > 0 || exact.compareTo(MAX_ID) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(exact.longValueExact());
    }

    /** Whether {@code time} can order updates: from 1970 (a version is never negative) to the end of year 9999. */
    public static boolean isVersionTime(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
