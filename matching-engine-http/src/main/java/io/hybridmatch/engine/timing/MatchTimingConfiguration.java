package io.hybridmatch.engine.timing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** {@link MatchTiming} on the two match endpoints, just inside Spring's own request observation (its parent). */
@Configuration(proxyBeanMethods = false)
class MatchTimingConfiguration {

    @Bean
    FilterRegistrationBean<MatchTiming> matchTiming(ObservationRegistry observations, MeterRegistry meters) {
        FilterRegistrationBean<MatchTiming> registration = new FilterRegistrationBean<>(new MatchTiming(observations, meters));
        registration.addUrlPatterns("/match/candidates", "/match/offers");
        // Spring Boot's ServerHttpObservationFilter runs at HIGHEST_PRECEDENCE + 1
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
