package io.hybridmatch.worker.config;

import static org.springframework.http.HttpMethod.GET;

import io.hybridmatch.security.AccessPolicy;
import io.hybridmatch.security.AccessPolicy.Rule;
import io.hybridmatch.security.AccessPolicy.Tenancy;
import io.hybridmatch.security.ApiKeySecurity;
import io.hybridmatch.security.Scope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The worker's management port behind the same API keys as the engine (same records, same key file): health open
 * for orchestrators, the Prometheus scrape and info with scope {@code metrics}, anything else {@code admin}. Keys
 * bound to a tenant are refused everywhere: the worker's figures span every tenant.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiKeySecurity.class)
class ManagementSecurity {

    static final AccessPolicy POLICY = new AccessPolicy(List.of("/actuator/health", "/actuator/health/**"), List.of(
            new Rule(GET, "/actuator/prometheus", Scope.METRICS, Tenancy.ALL_TENANTS),
            new Rule(GET, "/actuator/info", Scope.METRICS, Tenancy.ALL_TENANTS),
            new Rule(null, "/**", Scope.ADMIN, Tenancy.ALL_TENANTS)));

    @Bean
    AccessPolicy managementAccessPolicy() {
        return POLICY;
    }
}
