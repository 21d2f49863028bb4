package io.allice.platform.shared.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Access rules that an area declares for its own routes (public endpoints, admin-only paths).
 * Everything no rule names needs an authenticated user.
 */
@FunctionalInterface
public interface RouteAccess {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes);
}
