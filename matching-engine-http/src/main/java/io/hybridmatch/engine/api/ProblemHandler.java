package io.hybridmatch.engine.api;

import io.hybridmatch.security.ProblemTypes;
import io.hybridmatch.vector.VectorValidationException;
import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every client error leaves as an RFC 7807 document with a stable problem type the Python side can branch on (401 and
 * 403: {@link io.hybridmatch.security.SecurityProblems}).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");
    static final URI INVALID_REQUEST = URI.create("urn:hybridmatch:problem:invalid-request");
    static final URI UNREADABLE_BODY = URI.create("urn:hybridmatch:problem:unreadable-body");
    static final URI INVALID_VECTOR = URI.create("urn:hybridmatch:problem:invalid-vector");
    static final URI UNKNOWN_INDEX = URI.create("urn:hybridmatch:problem:unknown-index");
    static final URI UNKNOWN_ID = URI.create("urn:hybridmatch:problem:unknown-id");

    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(UnknownIndexException.class)
    ProblemDetail unknownIndex(UnknownIndexException e) {
        ProblemDetail problem = problem(UNKNOWN_INDEX, "Unknown index", e.getMessage());
        problem.setProperty("known_indexes", new TreeSet<>(e.known()));
        return problem;
    }

    @ExceptionHandler(UnknownIdException.class)
    ProblemDetail unknownId(UnknownIdException e) {
        ProblemDetail problem = problem(UNKNOWN_ID, "Unknown id", e.getMessage());
        problem.setStatus(HttpStatus.NOT_FOUND);
        return problem;
    }

    /** Bad matching input (both or neither of id and document, an unknown fusion method, …). */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return problem(INVALID_REQUEST, "Invalid request", e.getMessage());
    }

    /** A request the OpenAPI contract refuses: every offending field, in the same form as bean validation's. */
    @ExceptionHandler(ContractViolationException.class)
    ProblemDetail contractViolation(ContractViolationException e) {
        ProblemDetail problem = problem(INVALID_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(java.util.NoSuchElementException.class)
    ProblemDetail unknownDocument(java.util.NoSuchElementException e) {
        ProblemDetail problem = problem(UNKNOWN_ID, "Unknown id", e.getMessage());
        problem.setStatus(HttpStatus.NOT_FOUND);
        return problem;
    }

    @ExceptionHandler(VectorValidationException.class)
    ProblemDetail invalidVector(VectorValidationException e) {
        return problem(INVALID_VECTOR, "Invalid vector", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(snakeCase(error.getField()), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        ProblemDetail problem = problem(INVALID_REQUEST, "Invalid request",
                errors.size() + " invalid field(s): " + errors.stream().map(FieldError::field).toList());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parser's own message names the line, column and field, which is what a client needs to fix the body.
        String detail = e.getMostSpecificCause().getMessage();
        ProblemDetail problem = problem(UNREADABLE_BODY, "Unreadable request body",
                detail == null ? "the body is not valid JSON for this endpoint" : firstLine(detail));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Spring's own problems (405, 415, a query parameter of the wrong type, ...) get a type of the project too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(ProblemTypes.forStatus(status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Bean-validation paths use Java names ("items[0].vector", "topK"); the wire uses snake_case. */
    static String snakeCase(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
