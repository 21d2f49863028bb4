package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Throttling of failed logins per account. Every request comes from 127.0.0.1, so this class
 * has its own context with a per-address limit high enough never to trip here.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "allice.login-throttle.max-failures-per-address=1000",
        "allice.database-pool-size=4"})
class LoginThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottleProperties limits;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void defaultAccountLimitIsFiveFailures() {
        assertThat(limits.maxFailuresPerAccount()).isEqualTo(5);
    }

    @Test
    void blocksAccountAfterMaxFailures() {
        Session account = api.registerNew("throttle");
        for (int attempt = 1; attempt <= limits.maxFailuresPerAccount(); attempt++) {
            assertThat(login(account.username(), "wrong password " + attempt).status()).isEqualTo(401);
        }

        Response response = login(account.username(), TestAccounts.PASSWORD);

        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isGreaterThanOrEqualTo(1);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(429);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void blockedAccountLeavesOthersAlone() {
        Session blocked = api.registerNew("throttle");
        Session other = api.registerNew("throttle");
        for (int attempt = 1; attempt <= limits.maxFailuresPerAccount(); attempt++) {
            login(blocked.username(), "wrong password " + attempt);
        }

        Response blockedLogin = login(blocked.username(), TestAccounts.PASSWORD);
        Response otherLogin = login(other.username(), TestAccounts.PASSWORD);

        assertThat(blockedLogin.status()).isEqualTo(429);
        assertThat(otherLogin.status()).isEqualTo(200);
    }

    @Test
    void countsUsernameAndEmailFailuresTogether() {
        Session account = api.registerNew("throttle");
        String email = account.username() + "@example.test";
        for (int attempt = 1; attempt <= limits.maxFailuresPerAccount(); attempt++) {
            String identifier = attempt % 2 == 0 ? email : account.username();
            assertThat(login(identifier, "wrong password " + attempt).status()).isEqualTo(401);
        }

        Response byEmail = login(email, TestAccounts.PASSWORD);
        Response byUsername = login(account.username(), TestAccounts.PASSWORD);

        assertThat(byEmail.status()).isEqualTo(429);
        assertThat(byUsername.status()).isEqualTo(429);
    }

    @Test
    void successfulLoginResetsAccountFailures() {
        Session account = api.registerNew("throttle");
        int belowLimit = limits.maxFailuresPerAccount() - 1;
        for (int attempt = 1; attempt <= belowLimit; attempt++) {
            login(account.username(), "wrong password " + attempt);
        }
        assertThat(login(account.username(), TestAccounts.PASSWORD).status()).isEqualTo(200);
        for (int attempt = 1; attempt <= belowLimit; attempt++) {
            login(account.username(), "wrong password " + attempt);
        }

        Response response = login(account.username(), TestAccounts.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
    }

    private Response login(String username, String password) {
        return api.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }
}
