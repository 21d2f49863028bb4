package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.allice.platform.shared.security.Role;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Registration, login, the current account, logout and account deletion over HTTP. Other
 * classes share this context and its per-address login limit, so this class makes only two
 * failed logins on purpose.
 */
@IntegrationTest
class AuthApiIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    TransactionTemplate transactions;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void registerReturnsTokenAndAccount() {
        String username = TestAccounts.uniqueUsername("reg");

        Response response = api.post("/api/auth/register", null, registration(username));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("access_token").asString()).isNotBlank();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isPositive();
        JsonNode user = body.get("user");
        assertThat(user.get("id").isIntegralNumber()).isTrue();
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("email").asString()).isEqualTo(username + "@example.test");
        assertThat(user.get("role").asString()).isEqualTo("user");
        assertThat(user.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("password_hash")).isFalse();
    }

    @Test
    void registeredTokenWorksOnMe() {
        Response registered = api.post("/api/auth/register", null, registration(TestAccounts.uniqueUsername("reg")));
        String token = registered.json().get("access_token").asString();

        Response me = api.get("/api/auth/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(registered.json().get("user").get("id").asLong());
    }

    @Test
    void registerAcceptsLongestUsernameAndPassword() {
        String username = padded(TestAccounts.uniqueUsername("max"), 50);
        Map<String, Object> body = new HashMap<>(registration(username));
        body.put("password", "é".repeat(36));

        Response response = api.post("/api/auth/register", null, body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("user").get("username").asString()).isEqualTo(username);
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                invalid("username of 2 characters", "username", "ab"),
                invalid("username of 51 characters", "username", "u".repeat(51)),
                invalid("username with a space", "username", "has space"),
                invalid("username with @", "username", "at@sign"),
                invalid("username with an emoji", "username", "smile\uD83D\uDE00"),
                invalid("username missing", "username", null),
                invalid("username as a number", "username", 12345),
                invalid("email without @", "email", "no-at-sign.example.test"),
                invalid("email with two @", "email", "two@@example.test"),
                invalid("email without a dot in the domain", "email", "user@localhost"),
                invalid("email with a space", "email", "user name@example.test"),
                invalid("email empty", "email", ""),
                invalid("email missing", "email", null),
                invalid("email with a NUL character", "email", "nul\u0000@example.test"),
                invalid("password of 7 characters", "password", "seven77"),
                invalid("password of 80 UTF-8 bytes", "password", "é".repeat(40)),
                invalid("password missing", "password", null),
                invalid("password as a number", "password", 123456789));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void registerRejectsInvalidField(String description, String field, Object value) {
        Map<String, Object> body = new HashMap<>(registration(TestAccounts.uniqueUsername("bad")));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }

        Response response = api.post("/api/auth/register", null, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(errorFields(response)).contains(field);
    }

    @Test
    void loginRejectsNulCharacterWith400() {
        Response response = api.post("/api/auth/login", null, credentials("nul\u0000name", TestAccounts.PASSWORD));

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("username");
    }

    @Test
    void registerRejectsUsernameTakenInOtherCase() {
        String username = TestAccounts.uniqueUsername("Case");
        api.register(username);
        Map<String, Object> body = new HashMap<>(registration(username.toLowerCase(Locale.ROOT)));
        body.put("email", "other-" + username + "@example.test");

        Response response = api.post("/api/auth/register", null, body);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void registerRejectsEmailTakenInOtherCase() {
        String email = "Mixed." + TestAccounts.uniqueUsername("mail") + "@Example.test";
        Map<String, Object> firstBody = new HashMap<>(registration(TestAccounts.uniqueUsername("mail")));
        firstBody.put("email", email);
        assertThat(api.post("/api/auth/register", null, firstBody).status()).isEqualTo(201);
        Map<String, Object> secondBody = new HashMap<>(registration(TestAccounts.uniqueUsername("mail")));
        secondBody.put("email", email.toUpperCase(Locale.ROOT));

        Response response = api.post("/api/auth/register", null, secondBody);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void loginAcceptsUsernameInOtherCase() {
        Session account = api.registerNew("login");

        Response response = api.post("/api/auth/login", null,
                credentials(account.username().toUpperCase(Locale.ROOT), TestAccounts.PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asString()).isEqualTo("bearer");
        assertThat(response.json().get("user").get("id").asLong()).isEqualTo(account.userId());
        assertThat(api.get("/api/auth/me", response.json().get("access_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void loginAcceptsEmailInOtherCase() {
        Session account = api.registerNew("login");
        String email = (account.username() + "@example.test").toUpperCase(Locale.ROOT);

        Response response = api.post("/api/auth/login", null, credentials(email, TestAccounts.PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("user").get("id").asLong()).isEqualTo(account.userId());
    }

    @Test
    void loginRejectsBadCredentialsAlike() {
        Session account = api.registerNew("login");

        Response wrongPassword = api.post("/api/auth/login", null, credentials(account.username(), "not the password"));
        Response unknownUser = api.post("/api/auth/login", null,
                credentials(TestAccounts.uniqueUsername("ghost"), TestAccounts.PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(wrongPassword.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(unknownUser.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(wrongPassword.json().get("detail").asString()).isNotBlank();
        assertThat(unknownUser.json().get("detail").asString()).isEqualTo(wrongPassword.json().get("detail").asString());
    }

    @Test
    void meReturnsSignedInAccount() {
        Session account = api.registerNew("me");

        Response response = api.get("/api/auth/me", account.token());

        assertThat(response.status()).isEqualTo(200);
        JsonNode user = response.json();
        assertThat(user.get("id").asLong()).isEqualTo(account.userId());
        assertThat(user.get("username").asString()).isEqualTo(account.username());
        assertThat(user.get("email").asString()).isEqualTo(account.username() + "@example.test");
        assertThat(user.get("role").asString()).isEqualTo("user");
        assertThat(user.get("created_at").asString()).endsWith("Z");
    }

    @Test
    void logoutRevokesOnlyThatToken() {
        Session account = api.registerNew("logout");
        Session otherLogin = api.login(account.username(), TestAccounts.PASSWORD);
        assertThat(api.get("/api/auth/me", account.token()).status()).isEqualTo(200);

        Response logout = api.post("/api/auth/logout", account.token(), null);

        assertThat(logout.status()).isEqualTo(200);
        Response revoked = api.get("/api/auth/me", account.token());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.get("/api/auth/me", otherLogin.token()).status()).isEqualTo(200);
    }

    @Test
    void deleteAccountWithPasswordRevokesAllTokens() {
        Session account = api.registerNew("delete");
        Session otherLogin = api.login(account.username(), TestAccounts.PASSWORD);
        assertThat(api.get("/api/auth/me", otherLogin.token()).status()).isEqualTo(200);

        Response response = api.send("DELETE", "/api/auth/me", account.token(),
                Map.of("password", TestAccounts.PASSWORD), Map.of());

        assertThat(response.status()).isEqualTo(204);
        assertThat(api.get("/api/auth/me", account.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", otherLogin.token()).status()).isEqualTo(401);
    }

    @Test
    void roleChangeAppliesToIssuedToken() {
        Session account = api.registerNew("promoted");
        assertThat(api.get("/api/system/stats", account.token()).status()).isEqualTo(403);

        transactions.executeWithoutResult(status -> {
            UserAccount stored = accounts.findById(account.userId()).orElseThrow();
            stored.changeRole(Role.ADMIN, Instant.now());
            accounts.save(stored);
        });

        assertThat(api.get("/api/system/stats", account.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", account.token()).json().get("role").asString()).isEqualTo("admin");
    }

    @Test
    void deleteAccountRejectsWrongPassword() {
        Session account = api.registerNew("delete");

        Response response = api.send("DELETE", "/api/auth/me", account.token(),
                Map.of("password", "not the password"), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(errorFields(response)).contains("password");
        assertThat(api.get("/api/auth/me", account.token()).status()).isEqualTo(200);
    }

    private static Map<String, Object> registration(String username) {
        return Map.of("username", username, "email", username + "@example.test", "password", TestAccounts.PASSWORD);
    }

    private static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    private static Arguments invalid(String description, String field, Object value) {
        return Arguments.of(description, field, value);
    }

    private static String padded(String name, int length) {
        return name + "x".repeat(length - name.length());
    }

    private static List<String> errorFields(Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    @Test
    void wrongMethodOnPublicEndpointIs405() {
        Response login = api.get("/api/auth/login", null);
        Response register = api.get("/api/auth/register", null);

        assertThat(login.status()).isEqualTo(405);
        assertThat(register.status()).isEqualTo(405);
        assertThat(login.header("Content-Type")).startsWith(PROBLEM_JSON);
    }
}
