package io.hybridmatch.normalization;

import java.time.Instant;
import java.util.Map;

/** A candidate or an offer after normalisation: normalised once, stored as {@link #toRecord()}, read back as is. */
public sealed interface NormalizedDocument permits NormalizedCandidate, NormalizedJobOffer {

    DocumentKind kind();

    long id();

    /** The headline or title as written. */
    String title();

    /** One text for the sentence model. */
    String embeddingText();

    /** The stored record (the fields of the kind's search index). */
    Map<String, Object> toRecord();

    /** The version: later updates replace earlier ones. */
    Instant updatedAt();
}
