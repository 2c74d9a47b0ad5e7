package io.hybridmatch.engine.timing;

import io.hybridmatch.engine.api.MatchController;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Type;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The JSON stages of a match request: {@code request_json} from just before the body is read to just after it is
 * bound, {@code response_json} from just before the answer is written (ended by {@link MatchTiming} once it is).
 */
@ControllerAdvice(assignableTypes = MatchController.class)
public class MatchBodyTiming implements RequestBodyAdvice, ResponseBodyAdvice<Object> {

    static final String REQUEST_JSON = "request_json";
    static final String RESPONSE_JSON = "response_json";

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return parameter.getParameterType() == MatchController.Request.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converter) {
        current().flatMap(MatchTiming::stages).ifPresent(stages -> stages.start(REQUEST_JSON));
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converter) {
        current().flatMap(MatchTiming::stages).ifPresent(stages -> stages.stop(REQUEST_JSON, null));
        return body;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converter) {
        return body;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
        return returnType.getParameterType() == MatchController.Response.class;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converter, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet) {
            MatchTiming.stages(servlet.getServletRequest()).ifPresent(stages -> stages.start(RESPONSE_JSON));
        }
        return body;
    }

    private static Optional<HttpServletRequest> current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
