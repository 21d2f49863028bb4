package io.allice.platform.ai;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Changing the model catalogue is for administrators; every other AI route needs a signed-in user. */
@Component
class AiRouteAccess implements RouteAccess {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/ai/models").hasRole("ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/ai/models/*").hasRole("ADMIN")
                .requestMatchers(HttpMethod.DELETE, "/api/ai/models/*").hasRole("ADMIN");
    }
}
