package io.hybridmatch.engine.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which scope each endpoint requires, and whether a key bound to a tenant may call it. Every endpoint of the
 * service is listed here; anything else is denied. The OpenAPI contract states the same scopes
 * ({@code x-required-scope}), and a test keeps the two in step.
 */
public final class EndpointPolicy {

    /** How an endpoint relates to tenants. */
    public enum Tenancy {
        /** holds no tenant data (embeddings of the request's own texts) */
        NONE,
        /** confined to the key's tenant by the controller ({@link TenantGuard}) */
        CONFINED,
        /** reads or changes every tenant's data: keys bound to a tenant are refused */
        ALL_TENANTS
    }

    public record Rule(HttpMethod method, String pattern, Scope scope, Tenancy tenancy) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

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

    /** A refusal that says why, for the 403 problem's detail. */
    public static final class Denial extends AuthorizationDecision {

        private final String reason;

        Denial(String reason) {
            super(false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private EndpointPolicy() {
    }

    /** Anonymous callers are refused without a reason: the caller then gets a 401 (no key), not a 403. */
    static AuthorizationManager<RequestAuthorizationContext> manager(Rule rule) {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) ->
                decide(rule, authentication.get());
    }

    static AuthorizationResult decide(Rule rule, Authentication authentication) {
        if (!(authentication instanceof ApiKeyAuthentication key) || !key.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        Caller caller = key.caller();
        if (!caller.scopes().contains(rule.scope())) {
            return new Denial("API key '" + caller.keyName() + "' lacks scope '" + rule.scope() + "', which "
                    + rule + " requires");
        }
        if (rule.tenancy() == Tenancy.ALL_TENANTS && !caller.allTenants()) {
            return new Denial(rule + " spans all tenants; API key '" + caller.keyName() + "' is bound to tenant '"
                    + caller.tenant() + "'");
        }
        return new AuthorizationDecision(true);
    }
}
