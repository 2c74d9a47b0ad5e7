package io.hybridmatch.engine.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Match requests are checked against the OpenAPI document in contracts/ before they are read, so that document is
 * the one place their limits are written (ids and experience at least 0, {@code size} 1..100, {@code recall_size}
 * 1..1000, {@code rrf_k} at least 1, {@code vector_weight} in [0, 1], the names of fusions, seniorities and
 * importance levels): the engine can neither accept what the published contract refuses nor refuse what it allows.
 *
 * <p>Why validate against the document rather than read its limits at start into annotations or code: every
 * constraint the document states is enforced, including those added later, with no code per field and nothing to
 * keep in step; Atlassian's openapi-request-validator is well kept, and the contract tests already use it on every
 * exchange. It runs after authentication (a request without a key stays 401 whatever its body) and only on the match
 * endpoints' bodies; a body that is not JSON is left to Jackson, whose message names the line and column. A
 * violation is an {@link ContractViolationException}, an RFC 7807 400 of type {@code invalid-request} naming each
 * field ({@link ProblemHandler}). Its cost: 0.29–0.57 ms for a match request with an inline offer, filters and
 * importance (the validator alone, 5,000 calls after 3,000 of warm-up, three runs, 2026-12-03 at load average 11-12),
 * against a match's tens of milliseconds.
 */
@ControllerAdvice
class ContractRequestValidation extends RequestBodyAdviceAdapter {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Objects.requireNonNull(ContractRequestValidation.class.getClassLoader()
                    .getResource(ContractController.OPENAPI_RESOURCE), ContractController.OPENAPI_RESOURCE).toString())
            .withLevelResolver(LevelResolver.create()
                    // API keys are Spring Security's business (it has answered 401/403 before this runs)
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    // not JSON at all: Jackson's message is the better one (unreadable-body)
                    .withLevel("validation.request.body.schema.invalidJson", ValidationReport.Level.IGNORE)
                    .withLevel("validation.schema.invalidJson", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == MatchController.Request.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        HttpServletRequest http = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String path = http.getRequestURI().substring(http.getContextPath().length());
        ValidationReport report = VALIDATOR.validateRequest(new SimpleRequest.Builder(
                Request.Method.valueOf(http.getMethod().toUpperCase(Locale.ROOT)), path)
                .withContentType(MediaType.APPLICATION_JSON_VALUE)
                .withBody(new String(body, StandardCharsets.UTF_8))
                .build());
        if (report.hasErrors()) {
            throw new ContractViolationException(report);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
