package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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

/**
 * The LinkedIn connector against a loopback stand-in that serves LinkedIn's OpenID Connect
 * userinfo endpoint. The profile is one record, so there are no pages to follow.
 */
class LinkedInConnectorTests {

    private static final WireMockServer LINKEDIN = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final String MEMBER = """
            {"sub": "782bbtaQ", "name": "John Doe", "given_name": "John", "family_name": "Doe",
             "picture": "https://media.licdn.example/dms/image/C5F03AQHqK8v7tB1HCQ/profile-displayphoto",
             "locale": {"country": "US", "language": "en"}, "email": "doe@example.com", "email_verified": true}""";

    private final LinkedInConnector connector = new LinkedInConnector();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<ImportedRecord> records = new ArrayList<>();

    @BeforeAll
    static void startStandIn() {
        LINKEDIN.start();
    }

    @AfterAll
    static void stopStandIn() {
        LINKEDIN.stop();
    }

    @BeforeEach
    void resetStandIn() {
        LINKEDIN.resetAll();
    }

    @Test
    void identifyReturnsEmail() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(okJson(MEMBER)));

        String account = connector.identify(client());

        assertThat(account).isEqualTo("doe@example.com");
        LINKEDIN.verify(getRequestedFor(urlEqualTo("/v2/userinfo")).withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void identifyWithoutEmailScopeReturnsName() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(okJson("""
                {"sub": "782bbtaQ", "given_name": "John", "family_name": "Doe", "locale": "en-US"}""")));

        String account = connector.identify(client());

        assertThat(account).isEqualTo("John Doe");
    }

    @Test
    void identifyRejectedTokenThrows() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(unauthorized()));

        assertThatThrownBy(() -> connector.identify(client()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("LinkedIn rejected the token: Invalid access token");
    }

    @Test
    void syncImportsOneProfile() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(okJson(MEMBER)));

        Map<String, String> cursor = connector.sync(client(), full(), records::add);

        assertThat(records).hasSize(1);
        ImportedRecord profile = records.getFirst();
        assertThat(profile.kind()).isEqualTo("profile");
        assertThat(profile.sourceId()).isEqualTo("782bbtaQ");
        assertThat(profile.title()).isEqualTo("John Doe");
        assertThat(profile.content().path("email").asString()).isEqualTo("doe@example.com");
        assertThat(profile.content().path("picture").asString()).startsWith("https://media.licdn.example/");
        assertThat(profile.link()).isNull();
        assertThat(cursor).isEmpty();
        LINKEDIN.verify(1, getRequestedFor(urlEqualTo("/v2/userinfo")).withHeader("Authorization", equalTo("Bearer token")));
    }

    @Test
    void incrementalSyncReadsProfileAgain() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(okJson(MEMBER)));

        Map<String, String> cursor = connector.sync(client(), new SyncRequest(SyncType.INCREMENTAL,
                Instant.parse("2026-11-01T00:00:00Z"), Map.of(), ServiceHttp.JSON.createObjectNode()), records::add);

        assertThat(records).extracting(ImportedRecord::sourceId).containsExactly("782bbtaQ");
        assertThat(cursor).isEmpty();
        LINKEDIN.verify(1, getRequestedFor(urlEqualTo("/v2/userinfo")));
    }

    @Test
    void syncWaitsOutRateLimit() {
        LINKEDIN.stubFor(get("/v2/userinfo").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Resource level throttle limit for calls to this resource is reached.\", \"status\": 429}"))
                .willSetStateTo("open"));
        LINKEDIN.stubFor(get("/v2/userinfo").inScenario("limit").whenScenarioStateIs("open").willReturn(okJson(MEMBER)));

        connector.sync(client(), full(), records::add);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
        assertThat(records).hasSize(1);
    }

    @Test
    void syncRejectedTokenThrows() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(unauthorized()));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(TokenRejectedException.class);
        assertThat(records).isEmpty();
    }

    @Test
    void syncMissingScopeThrowsTokenRejected() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"serviceErrorCode": 100, "code": "ACCESS_DENIED",
                         "message": "Not enough permissions to access: userinfo.GET.NO_VERSION", "status": 403}""")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("Not enough permissions");
    }

    @Test
    void syncServerErrorThrowsWithLinkedInMessage() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Internal Server Error\", \"status\": 500}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOfSatisfying(ServiceCallException.class, error -> {
                    assertThat(error.status()).isEqualTo(500);
                    assertThat(error.getMessage()).contains("Internal Server Error");
                });
    }

    @Test
    void syncWithoutMemberIdThrows() {
        LINKEDIN.stubFor(get("/v2/userinfo").willReturn(okJson("{\"name\": \"John Doe\"}")));

        assertThatThrownBy(() -> connector.sync(client(), full(), records::add))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("without a member id");
    }

    @Test
    void oauthFlowAsksForOpenIdScopes() {
        OAuthFlow flow = connector.oauth().orElseThrow();

        assertThat(flow.authorizeUrl()).isEqualTo("https://www.linkedin.com/oauth/v2/authorization");
        assertThat(flow.tokenUrl()).isEqualTo("https://www.linkedin.com/oauth/v2/accessToken");
        assertThat(flow.scopes()).containsExactly("openid", "profile", "email");
        assertThat(flow.clientAuthentication()).isEqualTo(OAuthFlow.ClientAuthentication.FORM);
    }

    private ServiceHttp client() {
        return new ServiceHttp(HttpClient.newHttpClient(), connector, "http://127.0.0.1:" + LINKEDIN.port(),
                AccessTokenSource.fixed("token"), Optional.empty(),
                new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC), sleeps::add);
    }

    private static SyncRequest full() {
        return new SyncRequest(SyncType.FULL, null, Map.of(), ServiceHttp.JSON.createObjectNode());
    }

    private static ResponseDefinitionBuilder unauthorized() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"serviceErrorCode\": 65600, \"message\": \"Invalid access token\", \"status\": 401}");
    }
}
