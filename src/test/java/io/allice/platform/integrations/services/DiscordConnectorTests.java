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
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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

/** The Discord connector against a loopback stand-in that serves Discord's API v10. */
class DiscordConnectorTests {

    private static final WireMockServer DISCORD = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** Snowflake-sized guild ids, so ids beyond the int range travel through {@code after}. */
    private static final long FIRST_GUILD = 80_351_110_224_678_912L;

    private final DiscordConnector connector = new DiscordConnector();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ImportedRecord> records = new ArrayList<>();

    @BeforeAll
    static void startStandIn() {
        DISCORD.start();
    }

    @AfterAll
    static void stopStandIn() {
        DISCORD.stop();
    }

    @BeforeEach
    void resetStandIn() {
        DISCORD.resetAll();
    }

    @Test
    void identifyReturnsUsername() {
        DISCORD.stubFor(get("/api/v10/users/@me").willReturn(okJson("""
                {"id": "80351110224678912", "username": "nelly", "discriminator": "0", "global_name": "Nelly",
                 "avatar": "8342729096ea3675442027381ff50dfe", "verified": true, "flags": 64,
                 "banner": null, "accent_color": 16711680, "premium_type": 1, "public_flags": 64}""")));

        String account = connector.identify(client());

        assertThat(account).isEqualTo("nelly");
        DISCORD.verify(getRequestedFor(urlPathEqualTo("/api/v10/users/@me")).withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void identifyRejectedTokenThrows() {
        DISCORD.stubFor(get("/api/v10/users/@me").willReturn(unauthorized()));

        assertThatThrownBy(() -> connector.identify(client()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("Discord rejected the token: 401: Unauthorized");
    }

    @Test
    void fullSyncFollowsAfterToShortPage() {
        stubPage(null, guilds(0, 200));
        stubPage(guildId(199), guilds(200, 400));
        stubPage(guildId(399), guilds(400, 403));

        Map<String, String> cursor = connector.sync(client(), full(), records::add);

        assertThat(records).hasSize(403);
        assertThat(records).extracting(ImportedRecord::sourceId).doesNotHaveDuplicates();
        assertThat(records).extracting(ImportedRecord::kind).containsOnly("guild");
        assertThat(records.getLast().sourceId()).isEqualTo(guildId(402));
        ImportedRecord first = records.getFirst();
        assertThat(first.title()).isEqualTo("Guild 0");
        assertThat(first.link()).isEqualTo("https://discord.com/channels/" + guildId(0));
        assertThat(first.content().path("approximate_member_count").asInt()).isEqualTo(5);
        assertThat(first.content().path("owner").asBoolean()).isTrue();
        assertThat(cursor).isEmpty();
        DISCORD.verify(3, getRequestedFor(urlPathEqualTo("/api/v10/users/@me/guilds"))
                .withQueryParam("limit", equalTo("200"))
                .withQueryParam("with_counts", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer token")));
        DISCORD.verify(1, getRequestedFor(urlPathEqualTo("/api/v10/users/@me/guilds")).withQueryParam("after", absent()));
        DISCORD.verify(1, getRequestedFor(urlPathEqualTo("/api/v10/users/@me/guilds"))
                .withQueryParam("after", equalTo(guildId(399))));
    }

    @Test
    void syncStopsAfterEmptyPage() {
        stubPage(null, guilds(0, 200));
        stubPage(guildId(199), List.of());

        connector.sync(client(), full(), records::add);

        assertThat(records).hasSize(200);
        DISCORD.verify(2, getRequestedFor(urlPathEqualTo("/api/v10/users/@me/guilds")));
    }

    @Test
    void incrementalSyncReadsFullList() {
        stubPage(null, guilds(0, 2));

        Map<String, String> cursor = connector.sync(client(), new SyncRequest(SyncType.INCREMENTAL,
                Instant.parse("2026-11-01T00:00:00Z"), Map.of(), ServiceHttp.JSON.createObjectNode()), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly(guildId(0), guildId(1));
        assertThat(cursor).isEmpty();
        DISCORD.verify(getRequestedFor(urlPathEqualTo("/api/v10/users/@me/guilds")).withQueryParam("after", absent()));
    }

    @Test
    void syncWaitsOutRetryAfterHeader() {
        stubRateLimitThenPage(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withHeader("X-RateLimit-Reset-After", "1.5").withHeader("X-RateLimit-Scope", "user")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"You are being rate limited.\", \"retry_after\": 1.5, \"global\": false}"));

        connector.sync(client(), full(), records::add);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(records).hasSize(2);
    }

    @Test
    void syncWaitsOutRetryAfterBodyField() {
        stubRateLimitThenPage(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"You are being rate limited.\", \"retry_after\": 0.75, \"global\": true}"));

        connector.sync(client(), full(), records::add);

        assertThat(sleeps).containsExactly(Duration.ofMillis(750));
        assertThat(records).hasSize(2);
    }

    @Test
    void syncRejectedTokenThrows() {
        DISCORD.stubFor(guildsRequest(null).willReturn(unauthorized()));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void syncServerErrorThrowsWithDiscordMessage() {
        DISCORD.stubFor(guildsRequest(null).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"502: Bad Gateway\", \"code\": 0}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOfSatisfying(ServiceCallException.class, error -> {
                    assertThat(error.status()).isEqualTo(502);
                    assertThat(error.getMessage()).contains("502: Bad Gateway");
                });
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void revokePostsTokenWithClientCredentials() {
        DISCORD.stubFor(post("/api/v10/oauth2/token/revoke").willReturn(okJson("{}")));

        connector.revoke(client(Optional.of(new ClientCredentials("app-id", "app-secret"))));

        DISCORD.verify(postRequestedFor(urlPathEqualTo("/api/v10/oauth2/token/revoke"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("token", equalTo("token"))
                .withFormParam("token_type_hint", equalTo("access_token"))
                .withFormParam("client_id", equalTo("app-id"))
                .withFormParam("client_secret", equalTo("app-secret")));
    }

    @Test
    void revokeWithoutClientCredentialsSendsNothing() {
        connector.revoke(client());

        assertThat(DISCORD.getAllServeEvents()).isEmpty();
    }

    @Test
    void oauthFlowAsksForGuilds() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.authorizeUrl()).isEqualTo("https://discord.com/oauth2/authorize");
        assertThat(flow.tokenUrl()).isEqualTo("https://discord.com/api/oauth2/token");
        assertThat(flow.scopes()).containsExactly("identify", "guilds");
        assertThat(flow.pkce()).isTrue();
    }

    private ServiceHttp client() {
        return client(Optional.empty());
    }

    private ServiceHttp client(Optional<ClientCredentials> credentials) {
        return new ServiceHttp(HttpClient.newHttpClient(), connector, "http://127.0.0.1:" + DISCORD.port() + "/api/v10",
                AccessTokenSource.fixed("token"), credentials,
                new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC), sleeps::add);
    }

    private static SyncRequest full() {
        return new SyncRequest(SyncType.FULL, null, Map.of(), ServiceHttp.JSON.createObjectNode());
    }

    private static ResponseDefinitionBuilder unauthorized() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"401: Unauthorized\", \"code\": 0}");
    }

    private void stubRateLimitThenPage(ResponseDefinitionBuilder limited) {
        DISCORD.stubFor(guildsRequest(null).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(limited).willSetStateTo("open"));
        DISCORD.stubFor(guildsRequest(null).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(json(guilds(0, 2)))));
    }

    private static MappingBuilder guildsRequest(String after) {
        return get(urlPathEqualTo("/api/v10/users/@me/guilds"))
                .withQueryParam("after", after == null ? absent() : equalTo(after));
    }

    private static void stubPage(String after, List<String> guilds) {
        DISCORD.stubFor(guildsRequest(after).willReturn(okJson(json(guilds))
                .withHeader("X-RateLimit-Limit", "5").withHeader("X-RateLimit-Remaining", "4")));
    }

    private static String json(List<String> guilds) {
        return guilds.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static String guildId(int index) {
        return String.valueOf(FIRST_GUILD + index);
    }

    /** Builds guilds with indexes from {@code from} inclusive to {@code to} exclusive. */
    private static List<String> guilds(int from, int to) {
        return LongStream.range(from, to).mapToObj(index -> """
                {"id": "%s", "name": "Guild %d", "icon": "8342729096ea3675442027381ff50dfe", "banner": null,
                 "owner": %b, "permissions": "2147483647", "features": ["COMMUNITY", "NEWS"],
                 "approximate_member_count": %d, "approximate_presence_count": 2}"""
                .formatted(guildId((int) index), index, index % 2 == 0, 5 + index)).toList();
    }
}
