package io.hybridmatch.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A request's API key before it is checked (credentials only), then the {@link Caller} it stands for, with one
 * {@code SCOPE_<scope>} authority per scope. The key is dropped once checked.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final Caller caller;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(List.of());
        this.caller = null;
        this.presentedKey = presentedKey;
    }

    private ApiKeyAuthentication(Caller caller) {
        super(caller.scopes().stream().map(Scope::authority).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    /**
     * The key of {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; null when neither is present, so
     * the request goes on anonymous (open endpoints serve it, the others answer 401).
     */
    static ApiKeyAuthentication fromRequest(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String key;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new BadCredentialsException("only the Bearer scheme is accepted: Authorization: Bearer <key>");
            }
            key = authorization.substring(BEARER.length()).trim();
        } else {
            key = request.getHeader(API_KEY_HEADER);
        }
        return key == null || key.isBlank() ? null : new ApiKeyAuthentication(key.trim());
    }

    static ApiKeyAuthentication of(Caller caller) {
        return new ApiKeyAuthentication(caller);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "(unchecked API key)" : caller.keyName();
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
        super.eraseCredentials();
    }
}
