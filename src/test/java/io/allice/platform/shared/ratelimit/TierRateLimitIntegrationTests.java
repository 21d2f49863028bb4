package io.allice.platform.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Per-account limits of a signed-in caller on the free tier, in memory (no Redis here). */
@IntegrationTest
@TestPropertySource(properties = {
        "allice.rate-limit.free-per-minute=" + TierRateLimitIntegrationTests.FREE_LIMIT,
        "allice.rate-limit.ai-free-per-minute=" + TierRateLimitIntegrationTests.AI_FREE_LIMIT,
        "allice.database-pool-size=4"})
class TierRateLimitIntegrationTests {

    static final int FREE_LIMIT = 5;
    static final int AI_FREE_LIMIT = 2;

    @LocalServerPort
    int port;

    @Test
    void limitsFreeUserAtFreeLimit() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("free_limit");
        for (int request = 1; request <= FREE_LIMIT; request++) {
            Response allowed = api.get("/api/auth/me", user.token());
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Limit")).isEqualTo(Integer.toString(FREE_LIMIT));
            assertThat(allowed.header("RateLimit-Remaining")).isEqualTo(Integer.toString(FREE_LIMIT - request));
        }

        Response limited = api.get("/api/auth/me", user.token());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void countsAccountsSeparately() {
        ApiClient api = ApiClient.onPort(port);
        Session first = api.registerNew("free_first");
        Session second = api.registerNew("free_second");
        for (int request = 0; request < FREE_LIMIT; request++) {
            api.get("/api/auth/me", first.token());
        }

        Response response = api.get("/api/auth/me", second.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("RateLimit-Remaining")).isEqualTo(Integer.toString(FREE_LIMIT - 1));
    }

    @Test
    void limitsAiEndpointsMoreStrictly() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("ai_limit");
        for (int request = 1; request <= AI_FREE_LIMIT; request++) {
            Response allowed = api.get("/api/ai/models", user.token());
            assertThat(allowed.status()).isNotEqualTo(429);
            assertThat(allowed.header("RateLimit-Limit")).isEqualTo(Integer.toString(AI_FREE_LIMIT));
        }

        Response limited = api.get("/api/ai/models", user.token());
        Response elsewhere = api.get("/api/auth/me", user.token());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.header("RateLimit-Limit")).isEqualTo(Integer.toString(FREE_LIMIT));
    }
}
