package io.hybridmatch.security;

import java.util.Set;

/**
 * Who a request comes from: the name of its API key (never the key), the tenant the key is bound to ({@code null}:
 * every tenant) and its scopes.
 */
public record Caller(String keyName, String tenant, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean allTenants() {
        return tenant == null;
    }
}
