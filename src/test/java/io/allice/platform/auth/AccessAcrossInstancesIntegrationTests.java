package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

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
 * instance must reach the other's cache before the next request: every test first uses the
 * token on the second instance, so that it holds the old state, and then changes it through the
 * first.
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

        assertThat(second.get("/api/auth/me", account.token()).status()).isEqualTo(401);
        assertThat(second.get("/api/auth/me", otherLogin.token()).status()).isEqualTo(200);
    }

    @Test
    void deletedAccountRejectedOnOtherInstance() {
        Session account = first.registerNew("delete_across");
        assertThat(second.get("/api/auth/me", account.token()).status()).isEqualTo(200);

        var deletion = first.send("DELETE", "/api/auth/me", account.token(),
                Map.of("password", TestAccounts.PASSWORD), Map.of());

        assertThat(deletion.status()).isEqualTo(204);
        assertThat(second.get("/api/auth/me", account.token()).status()).isEqualTo(401);
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

        assertThat(second.get("/api/system/stats", account.token()).status()).isEqualTo(200);
    }
}
