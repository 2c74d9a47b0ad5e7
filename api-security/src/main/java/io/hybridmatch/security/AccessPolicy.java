package io.hybridmatch.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what on one HTTP port: paths open to anyone with GET, then rules tried in order, each naming the one
 * scope its endpoints require and how they relate to tenants. A path the policy knows asked with a method it does not
 * list is refused as 405 with the methods it does list, as MVC would answer; any other request is denied.
 */
public record AccessPolicy(List<String> openGet, List<Rule> rules) {

    public AccessPolicy {
        openGet = List.copyOf(openGet);
        rules = List.copyOf(rules);
    }

    /** How an endpoint relates to tenants. */
    public enum Tenancy {
        /** holds no tenant data (embeddings of the request's own texts) */
        NONE,
        /** confined to the key's tenant by the endpoint itself */
        CONFINED,
        /** reads or changes every tenant's data: keys bound to a tenant are refused */
        ALL_TENANTS
    }

    /** {@code method} null: any method. */
    public record Rule(HttpMethod method, String pattern, Scope scope, Tenancy tenancy) {

        @Override
        public String toString() {
            return (method == null ? "" : method + " ") + pattern;
        }
    }

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

    /** A known path asked with a method no rule of it lists: the caller gets a 405 naming {@link #allowed()}. */
    public static final class MethodNotAllowed extends AuthorizationDecision {

        private final Set<HttpMethod> allowed;

        MethodNotAllowed(Set<HttpMethod> allowed) {
            super(false);
            this.allowed = Set.copyOf(allowed);
        }

        public Set<HttpMethod> allowed() {
            return allowed;
        }
    }

    /**
     * For requests no rule admitted. Only rules with a method take part: a rule for any method has admitted the path
     * already. Anonymous callers are refused without a reason (401) before their method is judged, so that the
     * policy's paths are not revealed to them.
     */
    AuthorizationManager<RequestAuthorizationContext> otherMethods() {
        List<MethodOnPath> known = Stream.concat(
                        openGet.stream().map(path -> MethodOnPath.of(HttpMethod.GET, path)),
                        rules.stream().filter(rule -> rule.method() != null)
                                .map(rule -> MethodOnPath.of(rule.method(), rule.pattern())))
                .toList();
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
            if (!(authentication.get() instanceof ApiKeyAuthentication key) || !key.isAuthenticated()) {
                return new AuthorizationDecision(false);
            }
            Set<HttpMethod> allowed = new LinkedHashSet<>();
            known.stream().filter(entry -> entry.path().matches(context.getRequest()))
                    .forEach(entry -> allowed.add(entry.method()));
            return allowed.isEmpty() ? new AuthorizationDecision(false) : new MethodNotAllowed(allowed);
        };
    }

    private record MethodOnPath(HttpMethod method, RequestMatcher path) {

        static MethodOnPath of(HttpMethod method, String pattern) {
            return new MethodOnPath(method, PathPatternRequestMatcher.withDefaults().matcher(pattern));
        }
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
