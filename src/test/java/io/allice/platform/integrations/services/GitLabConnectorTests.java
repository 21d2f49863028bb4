package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.allice.platform.integrations.connector.AccessTokenSource;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient.ClientCredentials;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.ServiceHttp.RetryPolicy;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.SyncType;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitLab connector against a loopback stand-in that serves GitLab's REST API v4. */
class GitLabConnectorTests {

    private static final WireMockServer GITLAB = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final Instant LAST_SYNC = Instant.parse("2026-11-01T08:00:00Z");

    private final GitLabConnector connector = new GitLabConnector();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ImportedRecord> records = new ArrayList<>();

    @BeforeAll
    static void startStandIn() {
        GITLAB.start();
    }

    @AfterAll
    static void stopStandIn() {
        GITLAB.stop();
    }

    @BeforeEach
    void resetStandIn() {
        GITLAB.resetAll();
    }

    @Test
    void identifyReturnsUsername() {
        GITLAB.stubFor(get("/api/v4/user").willReturn(okJson("""
                {"id": 1, "username": "jsmith", "name": "Jane Smith", "state": "active",
                 "web_url": "https://gitlab.example.com/jsmith", "email": "jane@example.com"}""")));

        String account = connector.identify(client());

        assertThat(account).isEqualTo("jsmith");
        GITLAB.verify(getRequestedFor(urlPathEqualTo("/api/v4/user")).withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void identifyRejectedTokenThrows() {
        GITLAB.stubFor(get("/api/v4/user").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"401 Unauthorized\"}")));

        assertThatThrownBy(() -> connector.identify(client()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("401 Unauthorized");
    }

    @Test
    void fullSyncFollowsEveryPage() {
        stubPage(null, 1, "2", projects(1, 2));
        stubPage(null, 2, "3", projects(3, 4));
        stubPage(null, 3, "", projects(5, 5));

        Map<String, String> cursor = connector.sync(client(), full(), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("1", "2", "3", "4", "5");
        assertThat(records).extracting(ImportedRecord::kind).containsOnly("project");
        ImportedRecord first = records.getFirst();
        assertThat(first.title()).isEqualTo("diaspora/project-1");
        assertThat(first.description()).isEqualTo("Project number 1");
        assertThat(first.link()).isEqualTo("https://gitlab.example.com/diaspora/project-1");
        assertThat(first.updatedAt()).isEqualTo(activity(1));
        assertThat(first.content().path("star_count").asInt()).isEqualTo(1);
        assertThat(cursor).containsExactly(Map.entry(GitLabConnector.CURSOR_LAST_ACTIVITY, activity(5).toString()));
        GITLAB.verify(3, getRequestedFor(urlPathEqualTo("/api/v4/projects"))
                .withQueryParam("membership", equalTo("true"))
                .withQueryParam("order_by", equalTo("id"))
                .withQueryParam("sort", equalTo("asc"))
                .withQueryParam("per_page", equalTo("100"))
                .withQueryParam("last_activity_after", absent())
                .withHeader("Authorization", equalTo("Bearer token")));
        GITLAB.verify(getRequestedFor(urlPathEqualTo("/api/v4/projects")).withQueryParam("page", equalTo("3")));
    }

    @Test
    void incrementalSyncAsksOnlyForNewActivity() {
        stubPage(null, 1, "2", projects(1, 2));
        stubPage(null, 2, "", projects(3, 3));
        Map<String, String> cursor = connector.sync(client(), full(), record -> { });
        String since = cursor.get(GitLabConnector.CURSOR_LAST_ACTIVITY);
        stubPage(since, 1, "", projects(4, 4));

        Map<String, String> next = connector.sync(client(), new SyncRequest(SyncType.INCREMENTAL, LAST_SYNC, cursor,
                ServiceHttp.JSON.createObjectNode()), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("4");
        assertThat(next).containsEntry(GitLabConnector.CURSOR_LAST_ACTIVITY, activity(4).toString());
        GITLAB.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/projects"))
                .withQueryParam("last_activity_after", equalTo(since)));
    }

    @Test
    void incrementalSyncWithoutCursorUsesLastSyncTime() {
        stubPage(LAST_SYNC.toString(), 1, "", List.of());

        Map<String, String> cursor = connector.sync(client(), new SyncRequest(SyncType.INCREMENTAL, LAST_SYNC, Map.of(),
                ServiceHttp.JSON.createObjectNode()), records::add);

        assertThat(records).isEmpty();
        assertThat(cursor).containsExactly(Map.entry(GitLabConnector.CURSOR_LAST_ACTIVITY, LAST_SYNC.toString()));
        GITLAB.verify(getRequestedFor(urlPathEqualTo("/api/v4/projects"))
                .withQueryParam("last_activity_after", equalTo(LAST_SYNC.toString())));
    }

    @Test
    void fullSyncIgnoresCursor() {
        stubPage(null, 1, "", projects(1, 1));

        connector.sync(client(), new SyncRequest(SyncType.FULL, LAST_SYNC,
                Map.of(GitLabConnector.CURSOR_LAST_ACTIVITY, "2026-11-02T00:00:00Z"), ServiceHttp.JSON.createObjectNode()),
                records::add);

        assertThat(records).hasSize(1);
        GITLAB.verify(getRequestedFor(urlPathEqualTo("/api/v4/projects")).withQueryParam("last_activity_after", absent()));
    }

    @Test
    void syncFollowsLinkHeaderWithoutNextPageHeader() {
        String second = origin() + "/api/v4/projects?membership=true&order_by=id&page=2&per_page=100&sort=asc";
        GITLAB.stubFor(projectsRequest(null).withQueryParam("page", absent()).willReturn(okJson(json(projects(1, 2)))
                .withHeader("Link", "<" + second + ">; rel=\"next\", <" + second + ">; rel=\"last\"")));
        GITLAB.stubFor(projectsRequest(null).withQueryParam("page", equalTo("2")).willReturn(okJson(json(projects(3, 3)))));

        connector.sync(client(), full(), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("1", "2", "3");
    }

    @Test
    void syncRefusesNextLinkToAnotherHost() {
        GITLAB.stubFor(projectsRequest(null).willReturn(okJson(json(projects(1, 1)))
                .withHeader("Link", "<http://localhost:" + GITLAB.port() + "/api/v4/projects?page=2>; rel=\"next\"")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("another host");
        GITLAB.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/projects")));
    }

    @Test
    void syncWaitsOutRateLimit() {
        GITLAB.stubFor(projectsRequest(null).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("Retry later"))
                .willSetStateTo("open"));
        GITLAB.stubFor(projectsRequest(null).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(json(projects(1, 2))).withHeader("x-next-page", "")));

        connector.sync(client(), full(), records::add);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("1", "2");
        GITLAB.verify(2, getRequestedFor(urlPathEqualTo("/api/v4/projects")));
    }

    @Test
    void syncRejectedTokenThrows() {
        GITLAB.stubFor(projectsRequest(null).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"401 Unauthorized\"}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("GitLab rejected the token: 401 Unauthorized");
    }

    @Test
    void syncMissingScopeThrowsTokenRejected() {
        GITLAB.stubFor(projectsRequest(null).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "insufficient_scope",
                         "error_description": "The request requires higher privileges than provided by the access token.",
                         "scope": "api read_api"}""")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("requires higher privileges");
    }

    @Test
    void syncServerErrorThrowsWithGitLabMessage() {
        GITLAB.stubFor(projectsRequest(null).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"500 Internal Server Error\"}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOfSatisfying(ServiceCallException.class, error -> {
                    assertThat(error.status()).isEqualTo(500);
                    assertThat(error.getMessage()).contains("500 Internal Server Error");
                });
        assertThat(records).isEmpty();
    }

    @Test
    void revokeSendsTokenToInstanceRoot() {
        GITLAB.stubFor(post("/oauth/revoke").willReturn(okJson("{}")));

        connector.revoke(client(AccessTokenSource.fixed("oauth-token"), Optional.of(new ClientCredentials("app-id", "app-secret"))));

        GITLAB.verify(postRequestedFor(urlPathEqualTo("/oauth/revoke"))
                .withFormParam("client_id", equalTo("app-id"))
                .withFormParam("client_secret", equalTo("app-secret"))
                .withFormParam("token", equalTo("oauth-token")));
    }

    @Test
    void revokeLeavesPersonalAccessTokenAlone() {
        connector.revoke(client(AccessTokenSource.fixed("glpat-abc123"), Optional.of(new ClientCredentials("app-id", "app-secret"))));

        assertThat(GITLAB.getAllServeEvents()).isEmpty();
    }

    @Test
    void revokeWithoutClientCredentialsSendsNothing() {
        connector.revoke(client());

        assertThat(GITLAB.getAllServeEvents()).isEmpty();
    }

    @Test
    void oauthFlowUsesPkceOnInstanceHost() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.authorizeUrl()).isEqualTo("https://gitlab.com/oauth/authorize");
        assertThat(flow.tokenUrl()).isEqualTo("https://gitlab.com/oauth/token");
        assertThat(flow.scopes()).containsExactly("read_api");
        assertThat(flow.pkce()).isTrue();
        assertThat(GitLabConnector.instanceRoot("https://gitlab.example.com/api/v4")).isEqualTo("https://gitlab.example.com");
    }

    private ServiceHttp client() {
        return client(AccessTokenSource.fixed("token"), Optional.empty());
    }

    private ServiceHttp client(AccessTokenSource tokens, Optional<ClientCredentials> credentials) {
        return new ServiceHttp(HttpClient.newHttpClient(), connector, origin() + "/api/v4", tokens, credentials,
                new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC), sleeps::add);
    }

    /** Returns the stand-in's address by IP, because WireMock's {@code baseUrl()} names {@code localhost}. */
    private static String origin() {
        return "http://127.0.0.1:" + GITLAB.port();
    }

    private static SyncRequest full() {
        return new SyncRequest(SyncType.FULL, null, Map.of(), ServiceHttp.JSON.createObjectNode());
    }

    private static MappingBuilder projectsRequest(String lastActivityAfter) {
        return get(urlPathEqualTo("/api/v4/projects"))
                .withQueryParam("membership", equalTo("true"))
                .withQueryParam("last_activity_after", lastActivityAfter == null ? absent() : equalTo(lastActivityAfter));
    }

    /** Stubs one page as GitLab sends it, with Link headers and an empty {@code x-next-page} on the last page. */
    private static void stubPage(String lastActivityAfter, int page, String nextPage, List<String> projects) {
        MappingBuilder request = projectsRequest(lastActivityAfter)
                .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
        var response = okJson(json(projects)).withHeader("x-page", String.valueOf(page))
                .withHeader("x-per-page", "100").withHeader("x-next-page", nextPage);
        if (!nextPage.isEmpty()) {
            response = response.withHeader("Link", "<" + origin() + "/api/v4/projects?membership=true&page="
                    + nextPage + "&per_page=100>; rel=\"next\"");
        }
        GITLAB.stubFor(request.willReturn(response));
    }

    private static List<String> projects(int fromId, int toId) {
        return IntStream.rangeClosed(fromId, toId).mapToObj(GitLabConnectorTests::project).toList();
    }

    private static String json(List<String> projects) {
        return projects.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static Instant activity(int id) {
        return Instant.parse("2026-11-01T09:00:00Z").plus(Duration.ofHours(id));
    }

    private static String project(int id) {
        return """
                {"id": %d, "description": "Project number %d", "name": "Project %d",
                 "name_with_namespace": "Diaspora / Project %d", "path": "project-%d",
                 "path_with_namespace": "diaspora/project-%d", "created_at": "2026-01-01T10:00:00.000Z",
                 "default_branch": "main", "visibility": "private",
                 "web_url": "https://gitlab.example.com/diaspora/project-%d",
                 "namespace": {"id": 3, "name": "Diaspora", "path": "diaspora", "kind": "group"},
                 "star_count": %d, "forks_count": 0, "last_activity_at": "%s", "updated_at": "2026-02-01T10:00:00.000Z"}
                """.formatted(id, id, id, id, id, id, id, id, activity(id));
    }
}
