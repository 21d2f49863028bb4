package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.allice.platform.integrations.GitHubStandIn.Repo;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integrations on the zero-setup default: the embedded H2 database, and the token encryption key
 * generated in a fresh data directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "allice.database-url=",
        "allice.database-pool-size=4",
        "allice.database-min-idle=1",
        "allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
        "allice.rate-limit.free-per-minute=100000",
        "allice.rate-limit.anonymous-per-minute=100000",
        "allice.jobs.polling-interval=100ms",
        "allice.integrations.services.github.client-id=h2-client",
        "allice.integrations.services.github.client-secret=h2-secret",
        "logging.threshold.console=WARN",
})
class EmbeddedH2IntegrationsTests {

    private static final WireMockServer GITHUB = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        GITHUB.start();
        dataDir = Files.createTempDirectory("allice-h2-integrations");
        String base = "http://127.0.0.1:" + GITHUB.port();
        registry.add("allice.data-dir", dataDir::toString);
        registry.add("allice.integrations.services.github.base-url", () -> base);
        registry.add("allice.integrations.services.github.authorize-url", () -> base + "/login/oauth/authorize");
        registry.add("allice.integrations.services.github.token-url", () -> base + "/login/oauth/access_token");
    }

    @AfterAll
    static void stop() {
        GITHUB.stop();
    }

    @Test
    void connectsSyncsAndDisconnects() {
        ApiClient api = ApiClient.onPort(port);
        GitHubStandIn github = new GitHubStandIn(GITHUB);
        Session user = api.registerNew("h2_github");
        github.knowsToken("ghp_h2", "octocat");
        github.servesRepos("ghp_h2", List.of(
                List.of(new Repo(1, "octocat/one", "First", "2024-01-02T00:00:00Z")),
                List.of(new Repo(2, "octocat/two", null, "2024-01-01T00:00:00Z"))));

        Response connected = api.post("/api/integrations/github/connect", user.token(), Map.of("access_token", "ghp_h2"));
        Response full = api.post("/api/integrations/github/sync", user.token(), Map.of("sync_type", "full"));
        Response again = api.post("/api/integrations/github/sync", user.token(), Map.of("sync_type", "full"));
        github.servesReposSince("ghp_h2", "2024-01-02T00:00:00Z", List.of(new Repo(3, "octocat/three", null,
                "2024-02-01T00:00:00Z")));
        Response incremental = api.post("/api/integrations/github/sync", user.token(), Map.of("sync_type", "incremental"));

        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        assertThat(dataDir.resolve("secrets").resolve("integrations.key")).exists();
        assertThat(full.json().get("items_synced").asInt()).as(full.toString()).isEqualTo(2);
        assertThat(again.json().get("items_synced").asInt()).as(again.toString()).isEqualTo(2);
        assertThat(incremental.json().get("items_synced").asInt()).as(incremental.toString()).isEqualTo(1);
        assertThat(api.get("/api/items?item_type=github_repository", user.token()).json()).hasSize(3);
        assertThat(api.get("/api/search?type=item&q=three", user.token()).json()).hasSize(1);
        assertThat(api.delete("/api/integrations/github", user.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/items?item_type=github_repository", user.token()).json()).hasSize(3);
    }

    @Test
    void oauthStateWorksOnce() {
        ApiClient api = ApiClient.onPort(port);
        GitHubStandIn github = new GitHubStandIn(GITHUB);
        Session user = api.registerNew("h2_oauth");
        String state = api.get("/api/integrations/github/authorize", user.token()).json().get("state").asString();
        GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).withRequestBody(containing("code=h2-code"))
                .willReturn(okJson("{\"access_token\": \"gho_h2\", \"token_type\": \"bearer\"}")));
        github.knowsToken("gho_h2", "oauth-octocat");
        String callback = "/api/integrations/github/callback?code=h2-code&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8);

        Response first = api.get(callback, null);
        Response replay = api.get(callback, null);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("account").asString()).isEqualTo("oauth-octocat");
        assertThat(replay.status()).isEqualTo(400);
    }

    @Test
    void tradingViewAlertsSync() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("h2_tradingview");
        String url = api.post("/api/integrations/tradingview/connect", user.token(), Map.of()).json()
                .get("webhook_url").asString();
        String path = URI.create(url).getPath();

        Response alert = api.send("POST", path, null, "{\"ticker\": \"EURUSD\"}", Map.of("Content-Type", "application/json"));
        Response sync = api.post("/api/integrations/tradingview/sync", user.token(), Map.of("sync_type", "incremental"));

        assertThat(alert.status()).as(alert.toString()).isEqualTo(204);
        assertThat(sync.json().get("items_synced").asInt()).as(sync.toString()).isEqualTo(1);
        assertThat(api.get("/api/items?item_type=tradingview_alert", user.token()).json().get(0).get("title").asString())
                .isEqualTo("EURUSD");
    }
}
