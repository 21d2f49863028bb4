package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Throttling of failed logins per client address. The test trips the limit for 127.0.0.1, so
 * it runs in a context of its own with a low limit and must stay the only test here.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "allice.login-throttle.max-failures-per-address=" + AddressLoginThrottleIntegrationTests.MAX_FAILURES_PER_ADDRESS,
        "allice.database-pool-size=4"})
class AddressLoginThrottleIntegrationTests {

    static final int MAX_FAILURES_PER_ADDRESS = 3;

    @LocalServerPort
    int port;

    @Test
    void blocksAddressAfterFailuresAcrossAccounts() {
        ApiClient api = ApiClient.onPort(port);
        Session victim = api.registerNew("addr");
        for (int attempt = 1; attempt <= MAX_FAILURES_PER_ADDRESS; attempt++) {
            Response failure = login(api, TestAccounts.uniqueUsername("addr_guess"), "wrong password");
            assertThat(failure.status()).isEqualTo(401);
        }

        Response response = login(api, victim.username(), TestAccounts.PASSWORD);

        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(429);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    private static Response login(ApiClient api, String username, String password) {
        return api.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }
}
