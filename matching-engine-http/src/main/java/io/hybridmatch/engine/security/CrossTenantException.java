package io.hybridmatch.engine.security;

/** A key bound to one tenant asked for another tenant's data (403). */
public class CrossTenantException extends RuntimeException {

    public CrossTenantException(String message) {
        super(message);
    }
}
