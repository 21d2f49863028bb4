package io.allice.platform.analytics;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The Prometheus scrape endpoint is for administrators, because its metrics describe the whole
 * service. The analytics endpoints need only a signed-in user, and the service limits whose events each caller reads.
 */
@Component
class AnalyticsRouteAccess implements RouteAccess {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/actuator/prometheus").hasRole("ADMIN");
    }
}
