package io.allice.platform.auth;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Registration and login are the only routes of this area open to anonymous callers. */
@Component
class AuthRouteAccess implements RouteAccess {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login").permitAll();
    }
}
