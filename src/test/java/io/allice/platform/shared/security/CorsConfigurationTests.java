package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.allice.platform.shared.config.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

/** The CORS rules built from {@code CORS_ALLOWED_ORIGINS}, without a running server. */
class CorsConfigurationTests {

    private static CorsConfiguration rulesFor(List<String> origins) {
        PlatformProperties platform = new PlatformProperties(Path.of("data"), "http://localhost:8080", 1, 1, "test",
                origins);
        return new SecurityConfiguration().corsConfigurationSource(platform)
                .getCorsConfiguration(new MockHttpServletRequest("OPTIONS", "/api/items"));
    }

    @Test
    void anyOriginWithoutCredentials() {
        CorsConfiguration rules = rulesFor(List.of("*"));

        assertThat(rules.checkOrigin("https://anywhere.example.test")).isEqualTo("*");
        assertThat(rules.getAllowCredentials()).isFalse();
    }

    @Test
    void echoesOnlyListedOrigin() {
        CorsConfiguration rules = rulesFor(List.of(" https://app.example.test ", ""));

        assertThat(rules.checkOrigin("https://app.example.test")).isEqualTo("https://app.example.test");
        assertThat(rules.checkOrigin("https://evil.example.test")).isNull();
        assertThat(rules.getAllowCredentials()).isFalse();
    }

    @Test
    void noOriginsMeansNoRules() {
        assertThat(rulesFor(List.of())).isNull();
    }
}
