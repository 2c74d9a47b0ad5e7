package io.hybridmatch.security;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an API key may do; each endpoint requires exactly one (see {@link EndpointPolicy}). */
public enum Scope {
    /** matching, embeddings, feedback: confined to the key's tenant */
    MATCH("match"),
    /** vector search and reads: every tenant's vectors, so only for keys without a tenant */
    VECTORS_READ("vectors:read"),
    /** vector upserts and deletes (the worker) */
    VECTORS_WRITE("vectors:write"),
    /** consistency check and repair */
    ADMIN("admin"),
    /** Prometheus scrape and actuator info */
    METRICS("metrics");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority("SCOPE_" + wireName);
    }

    public static Scope of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + name + "'; scopes: "
                        + Arrays.stream(values()).map(Scope::wireName).toList()));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
