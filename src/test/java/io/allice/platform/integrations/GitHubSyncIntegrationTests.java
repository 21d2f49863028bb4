package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.allice.platform.integrations.GitHubStandIn.Repo;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Syncing GitHub repositories into items: pages, incremental syncs, rate limits and failures. */
class GitHubSyncIntegrationTests extends IntegrationsIntegrationTest {

    private static final List<List<Repo>> THREE_PAGES = List.of(
            List.of(new Repo(101, "octocat/alpha", "First repository", "2024-05-03T10:00:00Z"),
                    new Repo(102, "octocat/beta", null, "2024-05-02T10:00:00Z")),
            List.of(new Repo(103, "octocat/gamma", "Third", "2024-04-01T10:00:00Z"),
                    new Repo(104, "octocat/delta", "Fourth", "2024-03-01T10:00:00Z")),
            List.of(new Repo(105, "octocat/epsilon", "Fifth", "2024-02-01T10:00:00Z")));

    @Test
    void fullSyncFollowsPages() {
        Session user = api.registerNew("gh_full");
        connectGitHub(user, "ghp_full", "octocat");
        github.servesRepos("ghp_full", THREE_PAGES);

        Response response = sync(user, "github", "full");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("service_name").asString()).isEqualTo("github");
        assertThat(json.get("sync_status").asString()).isEqualTo("completed");
        assertThat(json.get("items_synced").asInt()).isEqualTo(5);
        assertThat(json.get("message").asString()).isEqualTo("Successfully synced 5 items");
        GITHUB.verify(3, getRequestedFor(urlPathEqualTo("/user/repos")));
        GITHUB.verify(getRequestedFor(urlPathEqualTo("/user/repos")).withQueryParam("sort", equalTo("updated")));

        JsonNode items = items(user, "github_repository");
        assertThat(items).hasSize(5);
        JsonNode alpha = find(items, "octocat/alpha");
        assertThat(alpha.get("description").asString()).isEqualTo("First repository");
        assertThat(alpha.get("content").get("html_url").asString()).isEqualTo("https://github.com/octocat/alpha");
        assertThat(alpha.get("content").get("stargazers_count").asInt()).isEqualTo(3);
        assertThat(alpha.get("metadata").get("source_service").asString()).isEqualTo("github");
        assertThat(alpha.get("metadata").get("source_id").asString()).isEqualTo("101");
        assertThat(alpha.get("metadata").get("link").asString()).isEqualTo("https://github.com/octocat/alpha");
        assertThat(alpha.get("metadata").get("synced_at").asString()).endsWith("Z");
        assertThat(find(items, "octocat/beta").get("description").isNull()).isTrue();

        JsonNode status = api.get("/api/integrations/github/status", user.token()).json();
        assertThat(status.get("items_synced").asInt()).isEqualTo(5);
        assertThat(status.get("items_synced_total").asLong()).isEqualTo(5);
        assertThat(status.get("last_sync").asString()).endsWith("Z");
        JsonNode found = api.get("/api/search?type=item&q=epsilon", user.token()).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("title").asString()).isEqualTo("octocat/epsilon");
    }

    @Test
    void resyncUpdatesWithoutDuplicates() {
        Session user = api.registerNew("gh_resync");
        connectGitHub(user, "ghp_resync", "octocat");
        github.servesRepos("ghp_resync", THREE_PAGES);
        sync(user, "github", "full");
        List<Long> firstIds = ids(items(user, "github_repository"));
        List<List<Repo>> changed = new ArrayList<>(THREE_PAGES);
        changed.set(2, List.of(new Repo(105, "octocat/epsilon", "Fifth, renamed", "2024-06-01T10:00:00Z")));
        GITHUB.resetAll();
        github.servesRepos("ghp_resync", changed);

        Response response = sync(user, "github", "full");

        assertThat(response.json().get("items_synced").asInt()).as(response.toString()).isEqualTo(5);
        JsonNode items = items(user, "github_repository");
        assertThat(ids(items)).containsExactlyInAnyOrderElementsOf(firstIds);
        assertThat(find(items, "octocat/epsilon").get("description").asString()).isEqualTo("Fifth, renamed");
        JsonNode status = api.get("/api/integrations/github/status", user.token()).json();
        assertThat(status.get("items_synced_total").asLong()).isEqualTo(10);
    }

    @Test
    void incrementalSyncAddsOnlyNew() {
        Session user = api.registerNew("gh_incremental");
        connectGitHub(user, "ghp_incremental", "octocat");
        github.servesRepos("ghp_incremental", THREE_PAGES);
        sync(user, "github", "full");
        github.servesReposSince("ghp_incremental", "2024-05-03T10:00:00Z", List.of(
                new Repo(106, "octocat/zeta", "New one", "2024-07-01T10:00:00Z"),
                new Repo(101, "octocat/alpha", "First repository, edited", "2024-06-30T10:00:00Z")));

        Response response = sync(user, "github", "incremental");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("sync_type").asString()).isEqualTo("incremental");
        assertThat(response.json().get("items_synced").asInt()).isEqualTo(2);
        GITHUB.verify(getRequestedFor(urlPathEqualTo("/user/repos")).withQueryParam("since", equalTo("2024-05-03T10:00:00Z")));
        JsonNode items = items(user, "github_repository");
        assertThat(items).hasSize(6);
        assertThat(find(items, "octocat/alpha").get("description").asString()).isEqualTo("First repository, edited");

        github.servesReposSince("ghp_incremental", "2024-07-01T10:00:00Z", List.of());
        Response nothingNew = sync(user, "github", "incremental");
        assertThat(nothingNew.json().get("items_synced").asInt()).as(nothingNew.toString()).isZero();
        assertThat(items(user, "github_repository")).hasSize(6);
    }

    @Test
    void incrementalWithoutPreviousSyncIsFull() {
        Session user = api.registerNew("gh_first_incremental");
        connectGitHub(user, "ghp_first_incremental", "octocat");
        github.servesRepos("ghp_first_incremental", THREE_PAGES);

        Response response = sync(user, "github", "incremental");

        assertThat(response.json().get("items_synced").asInt()).as(response.toString()).isEqualTo(5);
    }

    @Test
    void waitsOutRateLimit() {
        Session user = api.registerNew("gh_rate_limit");
        connectGitHub(user, "ghp_rate_limit", "octocat");
        github.servesRepos("ghp_rate_limit", THREE_PAGES);
        GITHUB.stubFor(github.reposRequest("ghp_rate_limit", 2).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}")));

        Response response = sync(user, "github", "full");

        assertThat(response.json().get("sync_status").asString()).as(response.toString()).isEqualTo("completed");
        assertThat(response.json().get("items_synced").asInt()).isEqualTo(5);
        GITHUB.verify(2, getRequestedFor(urlPathEqualTo("/user/repos")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void serverErrorEndsSyncInError() {
        Session user = api.registerNew("gh_error");
        connectGitHub(user, "ghp_error", "octocat");
        github.servesRepos("ghp_error", THREE_PAGES);
        GITHUB.stubFor(github.reposRequest("ghp_error", 3).atPriority(1).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Server Error\"}")));

        Response response = sync(user, "github", "full");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("sync_status").asString()).isEqualTo("error");
        assertThat(json.get("error_message").asString()).isEqualTo("GitHub answered 500 after 2 retries: Server Error");
        assertThat(json.get("needs_reconnect").asBoolean()).isFalse();
        JsonNode status = api.get("/api/integrations/github/status", user.token()).json();
        assertThat(status.get("sync_status").asString()).isEqualTo("error");
        assertThat(status.get("error_message").asString()).contains("Server Error");
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("last_sync").isNull()).isTrue();
        // The two pages read before the failure are kept, and a later sync updates them.
        assertThat(items(user, "github_repository")).hasSize(4);
    }

    @Test
    void rejectedTokenNeedsReconnect() {
        Session user = api.registerNew("gh_reconnect");
        connectGitHub(user, "ghp_soon_revoked", "octocat");
        GITHUB.stubFor(get(urlPathEqualTo("/user/repos")).willReturn(GitHubStandIn.badCredentials()));

        Response response = sync(user, "github", "full");

        JsonNode json = response.json();
        assertThat(json.get("sync_status").asString()).as(response.toString()).isEqualTo("error");
        assertThat(json.get("error_message").asString()).isEqualTo("GitHub rejected the token: Bad credentials");
        assertThat(json.get("needs_reconnect").asBoolean()).isTrue();
        JsonNode status = api.get("/api/integrations/github/status", user.token()).json();
        assertThat(status.get("needs_reconnect").asBoolean()).isTrue();
        assertThat(status.get("connected").asBoolean()).isFalse();

        Response reconnected = connectGitHub(user, "ghp_fresh", "octocat");
        assertThat(reconnected.json().get("needs_reconnect").asBoolean()).isFalse();
        assertThat(reconnected.json().get("connected").asBoolean()).isTrue();
    }

    @Test
    void refreshesTokenOn401() {
        Session user = api.registerNew("gh_refresh");
        github.knowsToken("ghu_expired", "octocat");
        api.post("/api/integrations/github/connect", user.token(),
                Map.of("access_token", "ghu_expired", "refresh_token", "ghr_refresh_1"));
        GITHUB.stubFor(get(urlPathEqualTo("/user/repos")).withHeader("Authorization", equalTo("Bearer ghu_expired"))
                .willReturn(GitHubStandIn.badCredentials()));
        GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=ghr_refresh_1"))
                .willReturn(okJson("""
                        {"access_token": "ghu_renewed", "expires_in": 28800, "refresh_token": "ghr_refresh_2",
                         "refresh_token_expires_in": 15724800, "scope": "", "token_type": "bearer"}""")));
        github.servesRepos("ghu_renewed", List.of(List.of(new Repo(201, "octocat/renewed", null, "2024-01-01T00:00:00Z"))));

        Response response = sync(user, "github", "full");

        assertThat(response.json().get("sync_status").asString()).as(response.toString()).isEqualTo("completed");
        assertThat(response.json().get("items_synced").asInt()).isEqualTo(1);
        GITHUB.verify(1, postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .withHeader("Accept", equalTo("application/json")));
        Map<String, Object> row = storedRow(user, "github");
        assertThat(String.valueOf(row.get("access_token"))).startsWith("v1:").doesNotContain("ghu_renewed");
        assertThat(String.valueOf(row.get("refresh_token"))).doesNotContain("ghr_refresh_2");
        assertThat(row.get("token_expires_at")).isNotNull();
        assertThat(logText()).doesNotContain("ghu_renewed").doesNotContain("ghr_refresh_2").doesNotContain("ghu_expired");

        // The next sync starts with the stored, renewed token and needs no refresh.
        Response again = sync(user, "github", "full");
        assertThat(again.json().get("sync_status").asString()).as(again.toString()).isEqualTo("completed");
        GITHUB.verify(1, postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void refreshesTokenNearExpiry() {
        Session user = api.registerNew("gh_expiring");
        GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("refresh_token=ghr_expiring"))
                .willReturn(okJson("""
                        {"access_token": "ghu_fresh", "expires_in": 28800, "refresh_token": "ghr_next",
                         "token_type": "bearer"}""")));
        github.knowsToken("ghu_fresh", "octocat");

        Response response = api.post("/api/integrations/github/connect", user.token(),
                Map.of("access_token", "ghu_about_to_expire", "refresh_token", "ghr_expiring", "expires_in", 30));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("account").asString()).isEqualTo("octocat");
        GITHUB.verify(0, getRequestedFor(urlPathEqualTo("/user")).withHeader("Authorization",
                equalTo("Bearer ghu_about_to_expire")));
        github.servesRepos("ghu_fresh", List.of(List.of(new Repo(401, "octocat/fresh", null, "2024-01-01T00:00:00Z"))));
        Response synced = sync(user, "github", "full");
        assertThat(synced.json().get("sync_status").asString()).as(synced.toString()).isEqualTo("completed");
        GITHUB.verify(1, postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void slowSyncAnswers202AndRunsOnce() {
        Session user = api.registerNew("gh_slow");
        connectGitHub(user, "ghp_slow", "octocat");
        GITHUB.stubFor(github.reposRequest("ghp_slow", 1)
                .willReturn(github.page(List.of(new Repo(301, "octocat/slow", null, "2024-01-01T00:00:00Z")), 1, 1)
                        .withFixedDelay(6000)));

        Response first = sync(user, "github", "full");
        Response second = sync(user, "github", "incremental");

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(first.json().get("sync_status").asString()).isEqualTo("syncing");
        assertThat(first.json().get("message").asString()).contains("GET /api/integrations/github/status");
        assertThat(second.status()).as(second.toString()).isIn(200, 202);
        assertThat(second.json().get("sync_type").asString()).isEqualTo("full");
        JsonNode ended = awaitSyncEnd(user, "github");
        assertThat(ended.get("sync_status").asString()).isEqualTo("completed");
        assertThat(ended.get("items_synced").asInt()).isEqualTo(1);
        GITHUB.verify(1, getRequestedFor(urlPathEqualTo("/user/repos")));
        assertThat(items(user, "github_repository")).hasSize(1);
    }

    private static JsonNode find(JsonNode items, String title) {
        for (JsonNode item : items) {
            if (item.get("title").asString().equals(title)) {
                return item;
            }
        }
        throw new AssertionError("No item titled " + title + " in " + items);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
