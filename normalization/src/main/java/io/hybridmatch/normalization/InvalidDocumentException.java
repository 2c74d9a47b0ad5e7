package io.hybridmatch.normalization;

/** A profile or offer that cannot be indexed as sent; the message names the field (Python sees a ValueError). */
public class InvalidDocumentException extends IllegalArgumentException {
    public InvalidDocumentException(String message) {
        super(message);
    }
}
