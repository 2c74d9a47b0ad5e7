package io.hybridmatch.engine.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.hybridmatch.security.AccessPolicy;
import io.hybridmatch.security.AccessPolicy.Rule;
import io.hybridmatch.security.AccessPolicy.Tenancy;
import io.hybridmatch.security.Scope;
import java.util.List;

/**
 * Which scope each endpoint of the engine requires, and whether a key bound to a tenant may call it. Every endpoint
 * of the service is listed here; anything else is denied. The OpenAPI contract states the same scopes
 * ({@code x-required-scope}), and a test keeps the two in step.
 */
public final class EndpointPolicy {

    /** Open to anyone: liveness/readiness, and the contract itself. */
    public static final List<String> OPEN_GET = List.of("/actuator/health", "/actuator/health/**", "/openapi.yaml");

    public static final List<Rule> RULES = List.of(
            new Rule(POST, "/embeddings", Scope.MATCH, Tenancy.NONE),
            new Rule(POST, "/match/candidates", Scope.MATCH, Tenancy.CONFINED),
            new Rule(POST, "/match/offers", Scope.MATCH, Tenancy.CONFINED),
            new Rule(POST, "/feedback", Scope.MATCH, Tenancy.CONFINED),
            new Rule(GET, "/feedback/rates", Scope.MATCH, Tenancy.CONFINED),
            new Rule(POST, "/faiss/search", Scope.VECTORS_READ, Tenancy.ALL_TENANTS),
            new Rule(GET, "/faiss/indexes/{index}", Scope.VECTORS_READ, Tenancy.ALL_TENANTS),
            new Rule(GET, "/faiss/indexes/{index}/vectors/{id}", Scope.VECTORS_READ, Tenancy.ALL_TENANTS),
            new Rule(POST, "/faiss/upsert", Scope.VECTORS_WRITE, Tenancy.ALL_TENANTS),
            new Rule(POST, "/faiss/delete", Scope.VECTORS_WRITE, Tenancy.ALL_TENANTS),
            new Rule(GET, "/admin/consistency/{index}", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(POST, "/admin/consistency/{index}/repair", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(GET, "/admin/consistency/{index}/documents", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(POST, "/admin/erasure", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(POST, "/admin/erasure/purge", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(GET, "/admin/backups", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(POST, "/admin/backups", Scope.ADMIN, Tenancy.ALL_TENANTS),
            new Rule(GET, "/actuator/prometheus", Scope.METRICS, Tenancy.ALL_TENANTS),
            new Rule(GET, "/actuator/info", Scope.METRICS, Tenancy.ALL_TENANTS));

    public static final AccessPolicy POLICY = new AccessPolicy(OPEN_GET, RULES);

    private EndpointPolicy() {
    }
}
