package io.allice.platform.billing;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Stripe calls the webhook without a token; its signature is checked instead. */
@Component
class BillingRouteAccess implements RouteAccess {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/billing/webhook").permitAll();
    }
}
