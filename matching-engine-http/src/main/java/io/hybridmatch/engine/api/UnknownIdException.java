package io.hybridmatch.engine.api;

/** No vector is stored under this id (never upserted, or deleted). */
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String index, long id) {
        super("index '" + index + "' holds no vector with id " + id);
    }
}
