package io.hybridmatch.security;

import java.util.List;

/**
 * One key as configured: a {@code name} for logs and errors, either the hex SHA-256 of the key ({@code sha256},
 * what files should hold) or the key itself ({@code key}, for tests and local configuration), the {@code tenant}
 * it is bound to (absent: every tenant) and its {@code scopes}.
 */
public record ApiKeyRecord(String name, String key, String sha256, String tenant, List<String> scopes) {

    @Override
    public String toString() {
        return "ApiKeyRecord[name=" + name + ", tenant=" + tenant + ", scopes=" + scopes + "]";
    }
}
