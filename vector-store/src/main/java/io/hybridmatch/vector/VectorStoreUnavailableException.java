package io.hybridmatch.vector;

/** The store could not be reached or failed on its side: nothing is known to be applied; retrying may succeed. */
public class VectorStoreUnavailableException extends RuntimeException {
    public VectorStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
