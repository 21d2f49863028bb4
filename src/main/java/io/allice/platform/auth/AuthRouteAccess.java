package io.allice.platform.auth;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Registration and login are the only routes of this area open to anonymous callers. */
@Component
class AuthRouteAccess implements RouteAccess {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        // Any method, so that a wrong one gets 405 from the endpoint instead of a request for a token.
        routes.requestMatchers("/api/auth/register", "/api/auth/login").permitAll();
    }
}
