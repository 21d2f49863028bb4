package io.allice.platform.shared.realtime;

import io.allice.platform.shared.security.RouteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers {@code /ws}. The handshake is authenticated by the security chain like any other
 * request (bearer header, or {@code access_token} for browsers), so a missing or bad token
 * fails it with 401. Any origin may connect: the token, not a cookie, carries the identity, so
 * a page on another origin cannot use a visitor's session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final RealtimeWebSocketHandler handler;

    RealtimeConfiguration(RealtimeWebSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws").setHandshakeHandler(new ProblemHandshakeHandler())
                .setAllowedOriginPatterns("*");
    }

    /** Requires an authenticated user for the handshake, as every route does by default. */
    @Bean
    RouteAccess realtimeRouteAccess() {
        return routes -> routes.requestMatchers("/ws").authenticated();
    }
}
