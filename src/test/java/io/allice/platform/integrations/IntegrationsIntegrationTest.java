package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the integrations tests: one WireMock stand-in of GitHub on loopback (its REST API and
 * its OAuth endpoints), and one application context configured for it that every class shares.
 */
@IntegrationTest
abstract class IntegrationsIntegrationTest {

    static final String CLIENT_ID = "Iv1.test-client-id";
    static final String CLIENT_SECRET = "test-client-secret-0123456789";
    /** 32 bytes in base64, as ALLICE_INTEGRATIONS_ENCRYPTION_KEY takes them. */
    static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final WireMockServer GITHUB = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    GitHubStandIn github;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void integrationSettings(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + GITHUB.port();
        registry.add("allice.integrations.services.github.base-url", () -> base);
        registry.add("allice.integrations.services.github.authorize-url", () -> base + "/login/oauth/authorize");
        registry.add("allice.integrations.services.github.token-url", () -> base + "/login/oauth/access_token");
        registry.add("allice.integrations.services.github.client-id", () -> CLIENT_ID);
        registry.add("allice.integrations.services.github.client-secret", () -> CLIENT_SECRET);
        registry.add("allice.integrations.encryption-key", () -> ENCRYPTION_KEY);
        registry.add("allice.integrations.sync-wait", () -> "4s");
        registry.add("allice.integrations.max-retries", () -> "2");
        registry.add("allice.integrations.max-rate-limit-wait", () -> "5s");
        registry.add("allice.integrations.timeout", () -> "10s");
        registry.add("allice.integrations.max-webhook-body-size", () -> "2048");
        registry.add("allice.public-base-url", () -> "https://allice.example.test");
        registry.add("allice.jobs.polling-interval", () -> "100ms");
    }

    @BeforeEach
    void resetStandIn() {
        GITHUB.resetAll();
        api = ApiClient.onPort(port);
        github = new GitHubStandIn(GITHUB);
    }

    /** Connects GitHub for the user with the token, which the stand-in accepts as the account {@code login}. */
    Response connectGitHub(Session user, String token, String login) {
        github.knowsToken(token, login);
        return api.post("/api/integrations/github/connect", user.token(), Map.of("access_token", token));
    }

    Response sync(Session user, String service, String syncType) {
        return api.post("/api/integrations/" + service + "/sync", user.token(), Map.of("sync_type", syncType));
    }

    JsonNode items(Session user, String itemType) {
        Response response = api.get("/api/items?limit=1000&item_type=" + itemType, user.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the integration's sync has ended, and returns its status. */
    JsonNode awaitSyncEnd(Session user, String service) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/integrations/" + service + "/status", user.token()).json(),
                        status -> !status.get("sync_status").asString().equals("syncing"));
    }

    /** Reads the service's log file, so tests can check it for secrets. */
    static String logText() {
        try {
            return Files.readString(Path.of(System.getProperty("java.io.tmpdir"), "allice-test-logs", "allice.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the stored row of the user's integration from the database. */
    Map<String, Object> storedRow(Session user, String service) {
        return jdbc.sql("select * from integrations where user_id = :user and service_name = :service")
                .param("user", user.userId()).param("service", service).query().singleRow();
    }
}
