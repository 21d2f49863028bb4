package io.allice.platform.system;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Health is public, for load balancers; everything else under /api/system is for administrators. */
@Component
class SystemRouteAccess implements RouteAccess {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/system/health").permitAll()
                .requestMatchers("/api/system/**").hasRole("ADMIN");
    }
}
