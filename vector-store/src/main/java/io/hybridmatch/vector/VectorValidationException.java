package io.hybridmatch.vector;

/** Bad input to a store (wrong dimension, non-finite value, ...): nothing was applied. */
public class VectorValidationException extends IllegalArgumentException {
    public VectorValidationException(String message) {
        super(message);
    }
}
