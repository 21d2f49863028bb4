package io.allice.platform.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-address limit on anonymous requests. The test uses up the limit of 127.0.0.1, so it
 * runs in a context of its own and must stay the only test here.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "allice.rate-limit.anonymous-per-minute=" + AnonymousRateLimitIntegrationTests.LIMIT,
        "allice.database-pool-size=4"})
class AnonymousRateLimitIntegrationTests {

    static final int LIMIT = 4;

    @LocalServerPort
    int port;

    @Test
    void forgedForwardedForDoesNotResetAddressLimit() {
        ApiClient api = ApiClient.onPort(port);
        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            Response allowed = login(api, "203.0.113." + attempt);
            assertThat(allowed.status()).isEqualTo(401);
            assertThat(allowed.header("RateLimit-Limit")).isEqualTo(Integer.toString(LIMIT));
            assertThat(allowed.header("RateLimit-Remaining")).isEqualTo(Integer.toString(LIMIT - attempt));
        }

        Response limited = login(api, "198.51.100.77");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).contains(Integer.toString(LIMIT));
        assertThat(api.get("/api/system/health", null).status()).isEqualTo(200);
    }

    private static Response login(ApiClient api, String forwardedFor) {
        return api.send("POST", "/api/auth/login", null, Map.of("username", "nobody_here", "password", "wrong password"),
                Map.of("X-Forwarded-For", forwardedFor));
    }
}
