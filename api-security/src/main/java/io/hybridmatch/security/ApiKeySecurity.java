package io.hybridmatch.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * API-key authentication and per-endpoint scopes with Spring Security, for an application that declares its
 * {@link AccessPolicy} as a bean and imports this configuration. Stateless: no session, no cookie, so no CSRF token
 * either (a browser never adds these headers on its own). 401 and 403 are rendered by the MVC exception handling
 * ({@link SecurityProblems}, or an application's own advice), so they are RFC 7807 documents like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
@Import({SecurityProblems.class, ServerRefusalProblems.class})
public class ApiKeySecurity {

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties) {
        return new ApiKeys(properties);
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    AuthenticationManager apiKeyAuthenticationManager(ApiKeys keys) {
        return authentication -> keys.authenticate((String) authentication.getCredentials())
                .map(ApiKeyAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("the API key is not known"));
    }

    @Bean
    SecurityFilterChain apiKeySecurityFilterChain(HttpSecurity http, AccessPolicy policy,
                                                  AuthenticationManager apiKeyAuthenticationManager,
                                                  @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problems.resolveException(request, response, null, e);
        AccessDeniedHandler forbidden = (request, response, e) -> problems.resolveException(request, response, null,
                e instanceof AuthorizationDeniedException denied
                        && denied.getAuthorizationResult() instanceof AccessPolicy.MethodNotAllowed other
                        ? new HttpRequestMethodNotSupportedException(request.getMethod(),
                                other.allowed().stream().map(HttpMethod::name).toList())
                        : e);

        AuthenticationFilter apiKeyFilter = new AuthenticationFilter(apiKeyAuthenticationManager,
                ApiKeyAuthentication::fromRequest);
        apiKeyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
        apiKeyFilter.setSuccessHandler((request, response, authentication) -> { }); // go on to the endpoint

        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(apiKeyFilter, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(authorize -> {
                    // the request itself was authorised; its error page and the end of a streamed answer need nothing more
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    authorize.requestMatchers(HttpMethod.GET, policy.openGet().toArray(String[]::new)).permitAll();
                    for (AccessPolicy.Rule rule : policy.rules()) {
                        var matched = rule.method() == null ? authorize.requestMatchers(rule.pattern())
                                : authorize.requestMatchers(rule.method(), rule.pattern());
                        matched.access(AccessPolicy.manager(rule));
                    }
                    authorize.anyRequest().access(policy.otherMethods());
                });
        return http.build();
    }
}
