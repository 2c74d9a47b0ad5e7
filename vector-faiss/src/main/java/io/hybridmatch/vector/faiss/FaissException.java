package io.hybridmatch.vector.faiss;

/** An error raised inside FAISS (its C++ exception message), or FAISS handing back nothing usable. */
public class FaissException extends RuntimeException {
    public FaissException(String message) {
        super(message);
    }

    public FaissException(String message, Throwable cause) {
        super(message, cause);
    }
}
