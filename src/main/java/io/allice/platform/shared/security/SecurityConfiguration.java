package io.allice.platform.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.error.ProblemResponseWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The one security filter chain: stateless bearer-token authentication through Spring
 * Security's resource server, deny by default, and the problem shape for 401 and 403.
 * Each area declares its own public and admin routes as {@link RouteAccess} beans.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final Set<String> QUERY_TOKEN_PATHS = Set.of("/ws", "/api/notify/stream");

    @Bean
    SecretKey jwtSigningKey(JwtProperties jwt, PlatformProperties platform) {
        return JwtSigningKey.resolve(jwt.secretKey(), platform.dataDir());
    }

    @Bean
    AccessTokens accessTokens(SecretKey jwtSigningKey, JwtProperties jwt, Clock clock) {
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
        return new AccessTokens(encoder, Duration.ofMinutes(jwt.expireMinutes()), clock);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, AccessCache access, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        // The default converter tries to read the issuer as a URL, and "allice" is not one, so
        // every request paid for a thrown and caught exception. It stays a string here.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtIssuerValidator(AccessTokens.ISSUER),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && subject.matches("\\d{1,18}")),
                new JwtClaimValidator<String>(JwtClaimNames.JTI, id -> id != null && !id.isBlank()))));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> notRevoked = token -> access.isRevoked(token.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null))
                : OAuth2TokenValidatorResult.success();
        return new VerifiedTokens(decoder, new DelegatingOAuth2TokenValidator<>(List.of(timestamps, notRevoked)));
    }

    /**
     * Reads the token from the Authorization header and, on the streaming endpoints that
     * browsers open with WebSocket or EventSource (which cannot set headers), also from the
     * {@code access_token} query parameter.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        return new HeaderBearerTokens(QUERY_TOKEN_PATHS);
    }

    /**
     * No observations from Spring Security: it would wrap every filter of the chain and every
     * authorization decision in one on each request, while {@code http_server_requests} already
     * times the request as a whole.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Installs Spring Security's strict firewall with its header and parameter checks as plain loops,
     * which accept and reject exactly what its default regular expressions do.
     */
    @Bean
    static WebSecurityCustomizer firewallWithLoopChecks() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::validHeaderValue);
        firewall.setAllowedParameterNames(HeaderCharacters::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /** Found by Spring Security's filter chain proxy, which hands it every request the firewall rejects. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemResponseWriter problems) {
        return new ProblemRequestRejectedHandler(problems);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, BearerTokenResolver tokenResolver,
            AccessCache accessCache, ObjectProvider<RouteAccess> routeAccess, ProblemResponseWriter problems,
            CorsConfigurationSource corsConfigurationSource) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        var deniedHandler = new ProblemAccessDeniedHandler(problems);
        var corsFilter = new CorsFilter(corsConfigurationSource);
        corsFilter.setCorsProcessor(new ProblemCorsProcessor(problems));
        http.csrf(csrf -> csrf.disable())
                .addFilter(corsFilter)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Sign-out is POST /api/auth/logout, so Spring's logout filter has no work on any
                // request. The servlet API filter stays: WebSocket sessions take their principal
                // from HttpServletRequest.getUserPrincipal().
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .authorizeHttpRequests(routes -> {
                    routes.requestMatchers("/error").permitAll();
                    routeAccess.orderedStream().forEach(access -> access.configure(routes));
                    routes.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(tokenResolver)
                        .jwt(jwt -> jwt.decoder(jwtDecoder)
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter(accessCache)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler));
        return http.build();
    }

    /**
     * Cross-origin access for browser apps on the origins in {@code CORS_ALLOWED_ORIGINS}.
     * Tokens travel in the Authorization header, not in cookies, so credentials stay off and a
     * {@code *} origin never meets them.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(PlatformProperties platform) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (platform.corsAllowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(platform.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Range", "If-None-Match",
                "If-Modified-Since", "If-Range", "X-Requested-With"));
        cors.setExposedHeaders(List.of("Content-Disposition", "Content-Range", "Content-Length", "Accept-Ranges",
                "ETag", "Last-Modified", "Location", "Retry-After", "WWW-Authenticate"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
