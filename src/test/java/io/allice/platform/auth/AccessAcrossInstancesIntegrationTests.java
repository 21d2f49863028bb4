package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.allice.platform.shared.security.Role;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.TestAccounts;
import io.allice.platform.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each instance caches the accounts and tokens it has authenticated. A change made through one
 * instance must reach the other's cache within Redis's pub/sub delivery time, which is usually
 * shorter than the client's next request but not always on a loaded machine, so the checks on the
 * second instance allow two seconds. Every test first uses the token on the second instance, so
 * that it caches the old state, and then changes it through the first.
 */
class AccessAcrossInstancesIntegrationTests {

    static TwoInstances instances;

    ApiClient first;
    ApiClient second;

    @BeforeAll
    static void startInstances() {
        instances = new TwoInstances();
    }

    @AfterAll
    static void stopInstances() {
        instances.close();
    }

    @BeforeEach
    void connect() {
        first = ApiClient.onPort(instances.port(0));
        second = ApiClient.onPort(instances.port(1));
    }

    @Test
    void logoutRejectsCachedTokenOnOtherInstance() {
        Session account = first.registerNew("logout_across");
        Session otherLogin = first.login(account.username(), TestAccounts.PASSWORD);
        assertThat(second.get("/api/auth/me", account.token()).status()).isEqualTo(200);

        first.post("/api/auth/logout", account.token(), null);

        awaitStatus(() -> second.get("/api/auth/me", account.token()).status(), 401);
        assertThat(second.get("/api/auth/me", otherLogin.token()).status()).isEqualTo(200);
    }

    @Test
    void deletedAccountRejectedOnOtherInstance() {
        Session account = first.registerNew("delete_across");
        assertThat(second.get("/api/auth/me", account.token()).status()).isEqualTo(200);

        var deletion = first.send("DELETE", "/api/auth/me", account.token(),
                Map.of("password", TestAccounts.PASSWORD), Map.of());

        assertThat(deletion.status()).isEqualTo(204);
        awaitStatus(() -> second.get("/api/auth/me", account.token()).status(), 401);
        assertThat(second.get("/api/items", account.token()).status()).isEqualTo(401);
    }

    @Test
    void roleChangeAppliesOnOtherInstance() {
        Session account = first.registerNew("role_across");
        assertThat(second.get("/api/system/stats", account.token()).status()).isEqualTo(403);

        UserAccountRepository accounts = instances.bean(0, UserAccountRepository.class);
        instances.bean(0, TransactionTemplate.class).executeWithoutResult(status -> {
            UserAccount stored = accounts.findById(account.userId()).orElseThrow();
            stored.changeRole(Role.ADMIN, Instant.now());
            accounts.save(stored);
        });

        awaitStatus(() -> second.get("/api/system/stats", account.token()).status(), 200);
    }

    private static void awaitStatus(Supplier<Integer> status, int expected) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(status.get()).isEqualTo(expected));
    }
}
