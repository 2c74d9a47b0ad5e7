package io.hybridmatch.indexing;

/** Elasticsearch could not be written or read (down, overloaded): nothing inconsistent was left, retry later. */
public class IndexingUnavailableException extends RuntimeException {
    public IndexingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
