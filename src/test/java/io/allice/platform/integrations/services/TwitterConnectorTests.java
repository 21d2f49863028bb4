package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.allice.platform.integrations.services.BConnectorStandIn.full;
import static io.allice.platform.integrations.services.BConnectorStandIn.incremental;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwitterConnectorTests {

    private static final String TIMELINE = "/2/users/2244994945/tweets";
    private static final String LONG_TEXT = "Introducing the new API: faster pagination, clearer errors and "
            + "better rate limit headers for every developer\nMore in the thread below.";

    private static BConnectorStandIn xApi;

    private final TwitterConnector connector = new TwitterConnector();

    @BeforeAll
    static void startStandIn() {
        xApi = BConnectorStandIn.start();
    }

    @AfterAll
    static void stopStandIn() {
        xApi.close();
    }

    @BeforeEach
    void resetStandIn() {
        xApi.reset();
        xApi.server.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(okJson("""
                {"data": {"id": "2244994945", "name": "X Developers", "username": "XDevelopers"}}""")));
    }

    @Test
    void identifyReturnsUsername() {
        String account = connector.identify(xApi.client(connector));

        assertThat(account).isEqualTo("XDevelopers");
        xApi.server.verify(getRequestedFor(urlPathEqualTo("/2/users/me"))
                .withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void fullSyncFollowsNextTokensToTheEnd() {
        stubTimeline();

        BConnectorStandIn.Synced synced = xApi.sync(connector, full());

        assertThat(synced.ids()).containsExactly("1880000000000000003", "1880000000000000002", "999999999999999999");
        assertThat(synced.records()).extracting(ImportedRecord::kind).containsOnly("post");
        ImportedRecord first = synced.records().getFirst();
        assertThat(first.title()).hasSize(80).endsWith("…").startsWith("Introducing the new API");
        assertThat(first.description()).isEqualTo(LONG_TEXT);
        assertThat(first.link()).isEqualTo("https://x.com/XDevelopers/status/1880000000000000003");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2026-02-28T17:00:00.000Z"));
        assertThat(first.content().path("public_metrics").path("like_count").asInt()).isEqualTo(42);
        assertThat(synced.records().get(1).title()).isEqualTo("Short post");
        assertThat(synced.cursor()).isEqualTo(Map.of("since_id", "1880000000000000003"));
    }

    @Test
    void fullSyncRequestsPagesWithoutSinceId() {
        stubTimeline();

        xApi.sync(connector, full());

        xApi.server.verify(getRequestedFor(urlPathEqualTo(TIMELINE))
                .withQueryParam("pagination_token", absent())
                .withQueryParam("since_id", absent())
                .withQueryParam("max_results", equalTo("100"))
                .withQueryParam("tweet.fields", equalTo(TwitterConnector.TWEET_FIELDS))
                .withHeader("Authorization", equalTo("Bearer token")));
        xApi.server.verify(getRequestedFor(urlPathEqualTo(TIMELINE)).withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i")));
        xApi.server.verify(2, getRequestedFor(urlPathEqualTo(TIMELINE)));
    }

    @Test
    void incrementalSyncAsksOnlySinceSavedId() {
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).withQueryParam("since_id", equalTo("1880000000000000003"))
                .willReturn(okJson("""
                        {"data": [{"id": "1880000000000000010", "text": "Fresh news",
                                   "created_at": "2026-03-01T11:00:00.000Z", "edit_history_tweet_ids": ["1880000000000000010"]}],
                         "meta": {"result_count": 1, "newest_id": "1880000000000000010", "oldest_id": "1880000000000000010"}}""")));

        BConnectorStandIn.Synced synced = xApi.sync(connector, incremental(Map.of("since_id", "1880000000000000003")));

        assertThat(synced.ids()).containsExactly("1880000000000000010");
        assertThat(synced.cursor()).isEqualTo(Map.of("since_id", "1880000000000000010"));
        xApi.server.verify(1, getRequestedFor(urlPathEqualTo(TIMELINE)));
    }

    @Test
    void incrementalSyncWithNothingNewKeepsCursor() {
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).withQueryParam("since_id", equalTo("1880000000000000003"))
                .willReturn(okJson("{\"meta\": {\"result_count\": 0}}")));

        BConnectorStandIn.Synced synced = xApi.sync(connector, incremental(Map.of("since_id", "1880000000000000003")));

        assertThat(synced.records()).isEmpty();
        assertThat(synced.cursor()).isEqualTo(Map.of("since_id", "1880000000000000003"));
    }

    @Test
    void rateLimitResetIsWaitedOut() {
        long reset = BConnectorStandIn.NOW.plusSeconds(30).getEpochSecond();
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("x-rate-limit-limit", "900")
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", Long.toString(reset))
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(xProblem(429, "Too Many Requests")))
                .willSetStateTo("waited"));
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).inScenario("limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"meta\": {\"result_count\": 0}}")));

        BConnectorStandIn.Synced synced = xApi.sync(connector, full());

        assertThat(synced.cursor()).isEmpty();
        assertThat(xApi.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void rejectedTokenRaisesTokenRejected() {
        xApi.server.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(xProblem(401, "Unauthorized"))));

        assertThatThrownBy(() -> connector.identify(xApi.client(connector)))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Unauthorized");
    }

    @Test
    void serverErrorRaisesServiceCallWithDetail() {
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(xProblem(503, "Service Unavailable"))));

        assertThatThrownBy(() -> xApi.sync(connector, full()))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("Service Unavailable");
    }

    @Test
    void errorsWithoutDataRaiseServiceCall() {
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(okJson("""
                {"errors": [{"value": "2244994945", "detail": "User has been suspended: [2244994945].",
                             "title": "Forbidden", "resource_type": "user", "parameter": "id",
                             "resource_id": "2244994945", "type": "https://api.twitter.com/2/problems/resource-not-found"}]}""")));

        assertThatThrownBy(() -> xApi.sync(connector, full()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("User has been suspended");
    }

    @Test
    void revokePostsTokenWithClientId() {
        xApi.server.stubFor(post(urlPathEqualTo("/2/oauth2/revoke")).willReturn(okJson("{\"revoked\": true}")));
        ServiceClient client = xApi.client(connector, xApi.baseUrl(),
                Optional.of(new ServiceClient.ClientCredentials("client-1", "secret-1")));

        connector.revoke(client);

        xApi.server.verify(postRequestedFor(urlPathEqualTo("/2/oauth2/revoke"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("token=token&token_type_hint=access_token&client_id=client-1")));
    }

    @Test
    void oauthRequiresPkceAndBasicClientAuthentication() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.pkce()).isTrue();
        assertThat(flow.clientAuthentication()).isEqualTo(OAuthFlow.ClientAuthentication.BASIC);
        assertThat(flow.authorizeUrl()).isEqualTo("https://x.com/i/oauth2/authorize");
        assertThat(flow.tokenUrl()).isEqualTo("https://api.x.com/2/oauth2/token");
        assertThat(flow.scopes()).containsExactly("tweet.read", "users.read", "offline.access");
    }

    @Test
    void newerComparesIdsAsNumbers() {
        assertThat(TwitterConnector.newer("999", "1000")).isEqualTo("1000");
        assertThat(TwitterConnector.newer("1001", "1000")).isEqualTo("1001");
        assertThat(TwitterConnector.newer(null, "5")).isEqualTo("5");
        assertThat(TwitterConnector.newer("5", null)).isEqualTo("5");
    }

    private static void stubTimeline() {
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE)).withQueryParam("pagination_token", absent())
                .willReturn(okJson("""
                        {"data": [
                          {"id": "1880000000000000003", "text": "%s", "created_at": "2026-02-28T17:00:00.000Z",
                           "conversation_id": "1880000000000000003", "lang": "en",
                           "public_metrics": {"retweet_count": 5, "reply_count": 2, "like_count": 42, "quote_count": 1},
                           "edit_history_tweet_ids": ["1880000000000000003"]},
                          {"id": "1880000000000000002", "text": "Short post", "created_at": "2026-02-27T09:30:00.000Z",
                           "edit_history_tweet_ids": ["1880000000000000002"]}],
                         "meta": {"result_count": 2, "newest_id": "1880000000000000003", "oldest_id": "1880000000000000002",
                                  "next_token": "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"}}"""
                        .formatted(LONG_TEXT.replace("\n", "\\n")))));
        xApi.server.stubFor(get(urlPathEqualTo(TIMELINE))
                .withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"))
                .willReturn(okJson("""
                        {"data": [
                          {"id": "999999999999999999", "text": "An older post", "created_at": "2025-12-01T08:00:00.000Z",
                           "edit_history_tweet_ids": ["999999999999999999"]}],
                         "meta": {"result_count": 1, "newest_id": "999999999999999999", "oldest_id": "999999999999999999",
                                  "previous_token": "77qp8"}}""")));
    }

    private static String xProblem(int status, String title) {
        return """
                {"title": "%s", "detail": "%s", "type": "about:blank", "status": %d}""".formatted(title, title, status);
    }
}
