package io.hybridmatch.security;

import org.springframework.security.access.AccessDeniedException;

/** A key bound to one tenant asked for another tenant's data (403, with this message as the problem's detail). */
public class CrossTenantException extends AccessDeniedException {

    public CrossTenantException(String message) {
        super(message);
    }
}
