package io.hybridmatch.celery;

/**
 * A message this library will not turn into a task, or a follow-up it cannot publish. Checked on purpose: the worker
 * must decide (reject without requeue, log {@link #getMessage()}) rather than crash its consumer thread.
 */
public final class RejectedMessageException extends Exception {

    /** Why, as a value a worker can count in metrics. */
    public enum Reason {
        /** Not {@code application/json}: pickle, yaml, msgpack and anything else are never deserialised. */
        UNSUPPORTED_CONTENT_TYPE,
        /** A JSON body in another charset than UTF-8. */
        UNSUPPORTED_CONTENT_ENCODING,
        /** A {@code compression} header naming a method kombu would not know here (brotli, zstd, anything else). */
        UNSUPPORTED_COMPRESSION,
        /** A body that is not valid data of the compression its header names. */
        MALFORMED_COMPRESSION,
        /** Body (or its decompressed form) larger than the decoder's limit; it was not parsed. */
        BODY_TOO_LARGE,
        /** The body is not well-formed UTF-8 JSON. */
        MALFORMED_JSON,
        /** Well-formed JSON (or headers) that is not a Celery task message: wrong types, arity or missing fields. */
        INVALID_SHAPE,
        /** A canvas element (group, chord, nested chain) this library cannot publish as a plain task message. */
        UNSUPPORTED_CANVAS
    }

    private final Reason reason;

    public RejectedMessageException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
