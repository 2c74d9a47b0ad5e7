package io.hybridmatch.normalization;

import java.util.Map;

/**
 * What a document is — a candidate profile or a job offer — and what follows from it: its id field, its title
 * field, how a payload is normalised and how a stored record is read back. The entity type, kept apart from where
 * it is stored (an Elasticsearch index names its kind, it is not the kind).
 */
public enum DocumentKind {
    CANDIDATE("candidate_id", "headline"), JOB_OFFER("job_offer_id", "title");

    private final String idField;
    private final String titleField;

    DocumentKind(String idField, String titleField) {
        this.idField = idField;
        this.titleField = titleField;
    }

    public String idField() {
        return idField;
    }

    /** The headline of a profile, the title of an offer: what keyword search boosts and the occupation comes from. */
    public String titleField() {
        return titleField;
    }

    /** A task payload or an inline document, normalised (bad input: {@link InvalidDocumentException}). */
    public NormalizedDocument normalize(DocumentNormalizer normalizer, Map<String, ?> payload) {
        return this == CANDIDATE ? normalizer.candidate(payload) : normalizer.jobOffer(payload);
    }

    /** A record this module produced ({@link NormalizedDocument#toRecord()}), read back as it was stored. */
    public NormalizedDocument fromRecord(Map<String, ?> record) {
        return this == CANDIDATE ? NormalizedCandidate.fromRecord(record) : NormalizedJobOffer.fromRecord(record);
    }
}
