package io.hybridmatch.engine.security;

import io.hybridmatch.security.AccessPolicy;
import io.hybridmatch.security.ApiKeySecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The engine's endpoints behind API keys: {@link EndpointPolicy} enforced by the shared {@link ApiKeySecurity}. */
@Configuration(proxyBeanMethods = false)
@Import(ApiKeySecurity.class)
class SecurityConfiguration {

    @Bean
    AccessPolicy engineAccessPolicy() {
        return EndpointPolicy.POLICY;
    }
}
