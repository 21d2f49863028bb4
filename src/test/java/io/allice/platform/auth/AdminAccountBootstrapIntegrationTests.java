package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import io.allice.platform.shared.security.Role;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator from ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD. Besides checking the
 * one the test context configures, the tests run the bootstrap by hand with other settings
 * against the real repository. One test makes a failed login on purpose.
 */
@IntegrationTest
class AdminAccountBootstrapIntegrationTests {

    private static final String ADMIN_PASSWORD = "bootstrap-password-1";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    AccountService accountService;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void configuredAdminHasAdminRole() {
        Session admin = api.admin();

        Response me = api.get("/api/auth/me", admin.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(TestAccounts.ADMIN_USERNAME);
        assertThat(me.json().get("role").asString()).isEqualTo("admin");
    }

    @Test
    void createsMissingAdmin() {
        String username = TestAccounts.uniqueUsername("boot");

        bootstrap(username).run(new DefaultApplicationArguments());

        UserAccount created = accounts.findByUsernameKey(username.toLowerCase(Locale.ROOT)).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.ADMIN);
        Session admin = api.login(username, ADMIN_PASSWORD);
        assertThat(api.get("/api/auth/me", admin.token()).json().get("role").asString()).isEqualTo("admin");
    }

    @Test
    void doesNotPromoteExistingAccount() {
        Session squatter = api.registerNew("boot");

        bootstrap(squatter.username()).run(new DefaultApplicationArguments());

        UserAccount existing = accounts.findById(squatter.userId()).orElseThrow();
        assertThat(existing.role()).isEqualTo(Role.USER);
        assertThat(api.get("/api/auth/me", squatter.token()).json().get("role").asString()).isEqualTo("user");
        assertThat(api.get("/api/system/stats", squatter.token()).status()).isEqualTo(403);
    }

    @Test
    void keepsExistingAccountPassword() {
        Session squatter = api.registerNew("boot");

        bootstrap(squatter.username()).run(new DefaultApplicationArguments());

        Response withAdminPassword = api.post("/api/auth/login", null,
                Map.of("username", squatter.username(), "password", ADMIN_PASSWORD));
        assertThat(withAdminPassword.status()).isEqualTo(401);
        assertThat(api.login(squatter.username(), TestAccounts.PASSWORD).userId()).isEqualTo(squatter.userId());
    }

    private AdminAccountBootstrap bootstrap(String username) {
        var settings = new AdminAccountProperties(username, "admin-" + username + "@example.test", ADMIN_PASSWORD);
        return new AdminAccountBootstrap(settings, accounts, accountService);
    }
}
