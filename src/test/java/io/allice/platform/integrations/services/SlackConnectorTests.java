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
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.ServiceHttp.RetryPolicy;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.SyncType;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack connector against a loopback stand-in that serves Slack's Web API methods. */
class SlackConnectorTests {

    private static final WireMockServer SLACK = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final String SECOND_CURSOR = "dGVhbTpDMDYxRkE1UEI=";
    private static final String THIRD_CURSOR = "dGVhbTpDMDYxRkE3Wlo=";
    private static final String AUTH_TEST = """
            {"ok": true, "url": "https://acme.slack.com/", "team": "Acme", "user": "grace",
             "team_id": "T12345678", "user_id": "W12345678"}""";

    private final SlackConnector connector = new SlackConnector();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ImportedRecord> records = new ArrayList<>();

    @BeforeAll
    static void startStandIn() {
        SLACK.start();
    }

    @AfterAll
    static void stopStandIn() {
        SLACK.stop();
    }

    @BeforeEach
    void resetStandIn() {
        SLACK.resetAll();
    }

    @Test
    void identifyReturnsUserAndWorkspace() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));

        String account = connector.identify(client());

        assertThat(account).isEqualTo("grace in Acme");
        SLACK.verify(getRequestedFor(urlPathEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void identifyInvalidAuthThrowsTokenRejected() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson("{\"ok\": false, \"error\": \"invalid_auth\"}")));

        assertThatThrownBy(() -> connector.identify(client()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("Slack rejected the token: invalid_auth");
    }

    @Test
    void fullSyncFollowsCursorToEnd() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        stubPage(null, SECOND_CURSOR, channels(1, 2));
        stubPage(SECOND_CURSOR, THIRD_CURSOR, channels(3, 4));
        stubPage(THIRD_CURSOR, "", channels(5, 5));

        Map<String, String> cursor = connector.sync(client(), full(), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId)
                .containsExactly("C0000001", "C0000002", "C0000003", "C0000004", "C0000005");
        assertThat(records).extracting(ImportedRecord::kind).containsOnly("channel");
        ImportedRecord first = records.getFirst();
        assertThat(first.title()).isEqualTo("channel-1");
        assertThat(first.description()).isEqualTo("Talk about project 1");
        assertThat(first.link()).isEqualTo("https://acme.slack.com/archives/C0000001");
        assertThat(first.updatedAt()).isEqualTo(Instant.ofEpochMilli(1_764_000_000_001L));
        assertThat(first.content().path("num_members").asInt()).isEqualTo(11);
        assertThat(cursor).isEmpty();
        SLACK.verify(3, getRequestedFor(urlPathEqualTo("/api/conversations.list"))
                .withQueryParam("types", equalTo("public_channel,private_channel"))
                .withQueryParam("limit", equalTo("200"))
                .withHeader("Authorization", equalTo("Bearer token")));
        SLACK.verify(1, getRequestedFor(urlPathEqualTo("/api/conversations.list")).withQueryParam("cursor", absent()));
        SLACK.verify(1, getRequestedFor(urlPathEqualTo("/api/conversations.list"))
                .withQueryParam("cursor", equalTo(THIRD_CURSOR)));
    }

    @Test
    void incrementalSyncReadsFullList() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        stubPage(null, "", channels(1, 2));

        Map<String, String> cursor = connector.sync(client(), new SyncRequest(SyncType.INCREMENTAL,
                Instant.parse("2026-11-01T00:00:00Z"), Map.of(), ServiceHttp.JSON.createObjectNode()), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("C0000001", "C0000002");
        assertThat(cursor).isEmpty();
        SLACK.verify(1, getRequestedFor(urlPathEqualTo("/api/conversations.list")).withQueryParam("cursor", absent()));
    }

    @Test
    void channelWithoutUpdatedUsesCreated() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        stubPage(null, "", List.of("""
                {"id": "G0000009", "name": "secret", "is_channel": true, "is_private": true, "created": 1700000000,
                 "topic": {"value": "Quiet room", "creator": "", "last_set": 0},
                 "purpose": {"value": "", "creator": "", "last_set": 0}}"""));

        connector.sync(client(), full(), records::add);

        ImportedRecord channel = records.getFirst();
        assertThat(channel.updatedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(channel.description()).isEqualTo("Quiet room");
    }

    @Test
    void syncWaitsOutRateLimit() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        SLACK.stubFor(listRequest(null).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\": false, \"error\": \"ratelimited\"}"))
                .willSetStateTo("open"));
        SLACK.stubFor(listRequest(null).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(page(channels(1, 1), ""))));

        connector.sync(client(), full(), records::add);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("C0000001");
    }

    @Test
    void syncMissingScopeThrowsTokenRejected() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        SLACK.stubFor(listRequest(null).willReturn(okJson("""
                {"ok": false, "error": "missing_scope", "needed": "groups:read", "provided": "channels:read"}""")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("missing_scope");
    }

    @Test
    void syncErrorFlagThrowsWithSlackError() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        SLACK.stubFor(listRequest(null).willReturn(okJson("{\"ok\": false, \"error\": \"internal_error\"}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("Slack's conversations.list failed: internal_error");
    }

    @Test
    void syncServerErrorThrowsWithSlackError() {
        SLACK.stubFor(get("/api/auth.test").willReturn(okJson(AUTH_TEST)));
        SLACK.stubFor(listRequest(null).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\": false, \"error\": \"fatal_error\"}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOfSatisfying(ServiceCallException.class, error -> {
                    assertThat(error.status()).isEqualTo(500);
                    assertThat(error.getMessage()).contains("fatal_error");
                });
    }

    @Test
    void revokeCallsAuthRevoke() {
        SLACK.stubFor(post("/api/auth.revoke").willReturn(okJson("{\"ok\": true, \"revoked\": true}")));

        connector.revoke(client());

        SLACK.verify(postRequestedFor(urlPathEqualTo("/api/auth.revoke")).withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void revokeErrorFlagThrows() {
        SLACK.stubFor(post("/api/auth.revoke").willReturn(okJson("{\"ok\": false, \"error\": \"fatal_error\"}")));

        assertThatThrownBy(() -> connector.revoke(client()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("fatal_error");
    }

    @Test
    void oauthFlowUsesBotScopes() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.authorizeUrl()).isEqualTo("https://slack.com/oauth/v2/authorize");
        assertThat(flow.tokenUrl()).isEqualTo("https://slack.com/api/oauth.v2.access");
        assertThat(flow.scopes()).containsExactly("channels:read", "groups:read");
        assertThat(flow.scopeSeparator()).isEqualTo(",");
        assertThat(flow.clientAuthentication()).isEqualTo(OAuthFlow.ClientAuthentication.BASIC);
    }

    private ServiceHttp client() {
        return new ServiceHttp(HttpClient.newHttpClient(), connector, "http://127.0.0.1:" + SLACK.port() + "/api",
                AccessTokenSource.fixed("token"), Optional.empty(),
                new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC), sleeps::add);
    }

    private static SyncRequest full() {
        return new SyncRequest(SyncType.FULL, null, Map.of(), ServiceHttp.JSON.createObjectNode());
    }

    private static MappingBuilder listRequest(String cursor) {
        return get(urlPathEqualTo("/api/conversations.list"))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
    }

    private static void stubPage(String cursor, String nextCursor, List<String> channels) {
        SLACK.stubFor(listRequest(cursor).willReturn(okJson(page(channels, nextCursor))));
    }

    private static String page(List<String> channels, String nextCursor) {
        return """
                {"ok": true, "channels": %s, "response_metadata": {"next_cursor": "%s"}}"""
                .formatted(channels.stream().collect(Collectors.joining(",", "[", "]")), nextCursor);
    }

    private static List<String> channels(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(SlackConnectorTests::channel).toList();
    }

    private static String channel(int number) {
        return """
                {"id": "C000000%d", "name": "channel-%d", "is_channel": true, "is_group": false, "is_im": false,
                 "created": 1700000000, "is_archived": false, "is_general": false, "name_normalized": "channel-%d",
                 "is_shared": false, "is_private": false, "is_member": true,
                 "topic": {"value": "", "creator": "", "last_set": 0},
                 "purpose": {"value": "Talk about project %d", "creator": "W12345678", "last_set": 1700000000},
                 "num_members": %d, "updated": %d}
                """.formatted(number, number, number, number, 10 + number, 1_764_000_000_000L + number);
    }
}
