package io.hybridmatch.security;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 401 (no key, or an unknown one), 403 (a key without the scope, or bound to another tenant) and 405 (a method the
 * access policy does not list for the path) as RFC 7807
 * documents with a stable problem type. Raised by the security filters and rendered here, so every error of the
 * port has one shape.
 */
@RestControllerAdvice
public class SecurityProblems {

    public static final URI UNAUTHORIZED = ProblemTypes.named("unauthorized");
    public static final URI FORBIDDEN = ProblemTypes.named("forbidden");

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                e instanceof BadCredentialsException ? e.getMessage()
                        : "this endpoint needs an API key: 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        problem.setType(UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hybridmatch\"").body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        String detail = e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AccessPolicy.Denial denial ? denial.reason()
                : e instanceof CrossTenantException ? e.getMessage() : "no endpoint here is open to this key";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(FORBIDDEN);
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ProblemDetail problem = e.getBody();
        problem.setType(ProblemTypes.forStatus(HttpStatus.METHOD_NOT_ALLOWED.value()));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders()).body(problem);
    }
}
