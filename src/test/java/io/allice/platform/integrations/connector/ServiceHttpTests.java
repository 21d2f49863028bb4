package io.allice.platform.integrations.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP client every connector uses, against a WireMock service on loopback and a recording sleeper. */
class ServiceHttpTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final WireMockServer SERVICE = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private final List<Duration> waits = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        SERVICE.start();
    }

    @AfterAll
    static void stop() {
        SERVICE.stop();
    }

    @BeforeEach
    void reset() {
        SERVICE.resetAll();
        waits.clear();
    }

    @Test
    void sendsTokenAndConnectorHeaders() {
        SERVICE.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson("{\"login\": \"octocat\"}")));

        ServiceResponse response = client(AccessTokenSource.fixed("token-1"), 2, Duration.ofMinutes(1))
                .get("/user", Map.of("a b", "c&d"));

        assertThat(response.body().path("login").asString()).isEqualTo("octocat");
        SERVICE.verify(getRequestedFor(urlEqualTo("/user?a+b=c%26d"))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("X-Test-Version", equalTo("7")));
    }

    @Test
    void findsNextLinkAmongSeveral() {
        SERVICE.stubFor(get(urlPathEqualTo("/repos")).willReturn(okJson("[]").withHeader("Link",
                "<https://api.example.test/repos?page=1>; rel=\"prev\", <https://api.example.test/repos?page=3>; "
                        + "rel=\"next\", <https://api.example.test/repos?page=9>; rel=\"last\"")));

        ServiceResponse response = client(AccessTokenSource.fixed("t"), 0, Duration.ofMinutes(1)).get("/repos", Map.of());

        assertThat(response.nextLink()).contains("https://api.example.test/repos?page=3");
    }

    @Test
    void lastPageHasNoNextLink() {
        SERVICE.stubFor(get(urlPathEqualTo("/repos")).willReturn(okJson("[]").withHeader("Link",
                "<https://api.example.test/repos?page=1>; rel=\"first\", <https://api.example.test/repos?page=2>; rel=\"prev\"")));

        ServiceResponse response = client(AccessTokenSource.fixed("t"), 0, Duration.ofMinutes(1)).get("/repos", Map.of());

        assertThat(response.nextLink()).isEmpty();
    }

    @Test
    void nextLinkWithSeveralRelations() {
        SERVICE.stubFor(get(urlPathEqualTo("/repos")).willReturn(okJson("[]")
                .withHeader("Link", "<https://api.example.test/repos?page=2>; rel=\"next last\"")));

        ServiceResponse response = client(AccessTokenSource.fixed("t"), 0, Duration.ofMinutes(1)).get("/repos", Map.of());

        assertThat(response.nextLink()).contains("https://api.example.test/repos?page=2");
    }

    @Test
    void waitsRetryAfterSeconds() {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        SERVICE.verify(2, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void waitsUntilRetryAfterDate() {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void waitsDiscordResetAfter() {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("X-RateLimit-Reset-After", "2.5"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofMillis(2500));
    }

    @Test
    void waitsDiscordBodyRetryAfter() {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"You are being rate limited.\", \"retry_after\": 1.25, \"global\": false}"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofMillis(1250));
    }

    @Test
    void waitsGitHubPrimaryLimitReset() {
        stubOnceThenOk(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 42))
                .withBody("{\"message\": \"API rate limit exceeded for user ID 1.\"}"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void waitsXResetEpochSecond() {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("x-rate-limit-reset", String.valueOf(NOW.getEpochSecond() + 9)));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void waitsGitLabResetSeconds() {
        stubOnceThenOk(aResponse().withStatus(429).withHeader("RateLimit-Reset", "3"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void forbiddenWithoutExhaustedLimitIsError() {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "4999").withBody("{\"message\": \"Resource not accessible\"}")));

        assertThatThrownBy(() -> client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("GitHub answered 403: Resource not accessible");
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpAfterMaxRetries() {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"message\": \"slow down\"}")));

        assertThatThrownBy(() -> client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("GitHub answered 429 (rate limited) after 2 retries: slow down")
                .satisfies(e -> assertThat(((ServiceCallException) e).status()).isEqualTo(429));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        SERVICE.verify(3, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void failsAtOnceWhenWaitExceedsMaxWait() {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> client(AccessTokenSource.fixed("t"), 5, Duration.ofMinutes(1)).get("/data", Map.of()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("for another 3600 s, longer than the 60 s");
        assertThat(waits).isEmpty();
        SERVICE.verify(1, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void refreshesOnceOn401() {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Bad credentials\"}")));
        SERVICE.stubFor(get(urlPathEqualTo("/data")).withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(okJson("{\"ok\": true}")));
        RefreshTo tokens = new RefreshTo("old", Optional.of("new"));

        ServiceResponse response = client(tokens, 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(response.body().path("ok").asBoolean()).isTrue();
        assertThat(tokens.refreshes.get()).isEqualTo(1);
    }

    @Test
    void rejectsTokenWhen401SurvivesRefresh() {
        SERVICE.stubFor(get(urlPathEqualTo("/data"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Bad credentials\"}")));
        RefreshTo tokens = new RefreshTo("old", Optional.of("new"));

        assertThatThrownBy(() -> client(tokens, 2, Duration.ofMinutes(1)).get("/data", Map.of()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("GitHub rejected the token: Bad credentials");
        assertThat(tokens.refreshes.get()).isEqualTo(1);
        SERVICE.verify(2, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void rejectsTokenWithoutRefresh() {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).willReturn(aResponse().withStatus(401)
                .withBody("{\"ok\": false, \"error\": \"invalid_auth\"}")));
        RefreshTo tokens = new RefreshTo("old", Optional.empty());

        assertThatThrownBy(() -> client(tokens, 2, Duration.ofMinutes(1)).get("/data", Map.of()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("GitHub rejected the token: invalid_auth");
        SERVICE.verify(1, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void retriesServerErrorOnGet() {
        stubOnceThenOk(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofMillis(500));
        SERVICE.verify(2, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void doublesServerErrorBackoff() {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client(AccessTokenSource.fixed("t"), 3, Duration.ofMinutes(1)).get("/data", Map.of()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("GitHub answered 503 after 3 retries: HTTP 503");
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void doesNotRetryServerErrorOnPost() {
        SERVICE.stubFor(post(urlPathEqualTo("/data")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\": {\"code\": 500, \"message\": \"Backend Error\"}}")));

        assertThatThrownBy(() -> client(AccessTokenSource.fixed("t"), 3, Duration.ofMinutes(1))
                .postJson("/data", Map.of("x", 1)))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("GitHub answered 500: Backend Error");
        assertThat(waits).isEmpty();
        SERVICE.verify(1, postRequestedFor(urlPathEqualTo("/data")).withRequestBody(equalToJson("{\"x\": 1}")));
    }

    @Test
    void retriesServerErrorOnReadPost() {
        SERVICE.stubFor(post(urlPathEqualTo("/list")).inScenario("read").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("passed"));
        SERVICE.stubFor(post(urlPathEqualTo("/list")).inScenario("read").whenScenarioStateIs("passed")
                .willReturn(okJson("{\"entries\": []}")));

        ServiceResponse response = client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1))
                .postJsonRead("/list", Map.of("path", ""));

        assertThat(response.body().path("entries").isArray()).isTrue();
        assertThat(waits).containsExactly(Duration.ofMillis(500));
        SERVICE.verify(2, postRequestedFor(urlPathEqualTo("/list")));
    }

    @Test
    void waitsGoogleQuotaForbidden() {
        stubOnceThenOk(aResponse().withStatus(403).withBody("{\"error\": {\"code\": 403, \"message\": \"User Rate Limit "
                + "Exceeded\", \"errors\": [{\"domain\": \"usageLimits\", \"reason\": \"userRateLimitExceeded\"}]}}"));

        client(AccessTokenSource.fixed("t"), 2, Duration.ofMinutes(1)).get("/data", Map.of());

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        SERVICE.verify(2, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void keepsTokenFromOtherOrigins() {
        WireMockServer elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(get(urlPathEqualTo("/page")).willReturn(okJson("[]")));

            client(AccessTokenSource.fixed("secret-token"), 0, Duration.ofMinutes(1))
                    .get(elsewhere.baseUrl() + "/page", Map.of());

            elsewhere.verify(getRequestedFor(urlPathEqualTo("/page")).withoutHeader("Authorization"));
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void sendsTokenToOwnAbsoluteUrl() {
        SERVICE.stubFor(get(urlPathEqualTo("/page")).willReturn(okJson("[]")));

        client(AccessTokenSource.fixed("token-2"), 0, Duration.ofMinutes(1)).get(SERVICE.baseUrl() + "/page", Map.of());

        SERVICE.verify(getRequestedFor(urlPathEqualTo("/page")).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void customAuthorizationReplacesToken() {
        SERVICE.stubFor(request("DELETE", urlPathEqualTo("/applications/id/token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Requires authentication\"}")));
        RefreshTo tokens = new RefreshTo("user-token", Optional.of("new"));

        assertThatThrownBy(() -> client(tokens, 2, Duration.ofMinutes(1)).send("DELETE", "/applications/id/token",
                Map.of("access_token", "user-token"), Map.of("Authorization", "Basic aWQ6c2VjcmV0")))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("GitHub answered 401: Requires authentication");
        assertThat(tokens.refreshes.get()).isZero();
        SERVICE.verify(requestedFor("DELETE", urlPathEqualTo("/applications/id/token"))
                .withHeader("Authorization", equalTo("Basic aWQ6c2VjcmV0"))
                .withRequestBody(equalToJson("{\"access_token\": \"user-token\"}")));
    }

    @Test
    void unreachableServiceIsCallFailure() {
        ServiceHttp client = new ServiceHttp(http, new StandInConnector(), "http://127.0.0.1:1", AccessTokenSource.fixed("t"),
                Optional.empty(), new ServiceHttp.RetryPolicy(0, Duration.ofMinutes(1), Duration.ofSeconds(2)),
                Clock.fixed(NOW, ZoneOffset.UTC), waits::add);

        assertThatThrownBy(() -> client.get("/data", Map.of()))
                .isInstanceOf(ServiceCallException.class)
                .hasMessage("could not reach GitHub at 127.0.0.1: connection failed")
                .satisfies(e -> assertThat(((ServiceCallException) e).status()).isZero());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"message": "Bad credentials", "documentation_url": "https://docs.github.com"} | Bad credentials
            {"error": {"code": 401, "message": "Invalid Credentials"}}                    | Invalid Credentials
            {"error_summary": "expired_access_token/...", "error": {".tag": "x"}}        | expired_access_token/...
            {"ok": false, "error": "channel_not_found"}                                    | channel_not_found
            {"error": "invalid_grant", "error_description": "Token has been revoked."}     | Token has been revoked.
            {"title": "Unauthorized", "detail": "Unauthorized", "status": 401}             | Unauthorized
            {"errors": [{"message": "Rate limit exceeded", "code": 88}]}                  | Rate limit exceeded
            <html>Service Unavailable</html>                                               | HTTP 503
            """)
    void extractsServiceMessage(String body, String expected) {
        assertThat(ServiceHttp.errorMessage(body, 503)).isEqualTo(expected);
    }

    @Test
    void cutsLongServiceMessage() {
        String message = ServiceHttp.errorMessage("{\"message\": \"" + "x".repeat(500) + "\"}", 400);

        assertThat(message).hasSize(303).endsWith("...");
    }

    private void stubOnceThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        SERVICE.stubFor(get(urlPathEqualTo("/data")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("passed"));
        SERVICE.stubFor(get(urlPathEqualTo("/data")).inScenario("limit").whenScenarioStateIs("passed")
                .willReturn(okJson("{\"ok\": true}")));
    }

    private ServiceHttp client(AccessTokenSource tokens, int maxRetries, Duration maxWait) {
        return new ServiceHttp(http, new StandInConnector(), SERVICE.baseUrl() + "/", tokens, Optional.empty(),
                new ServiceHttp.RetryPolicy(maxRetries, maxWait, Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC),
                waits::add);
    }

    /** A token that refreshes to a fixed value, counting the refreshes. */
    private static final class RefreshTo implements AccessTokenSource {

        private final AtomicInteger refreshes = new AtomicInteger();
        private final Optional<String> next;
        private String current;

        RefreshTo(String current, Optional<String> next) {
            this.current = current;
            this.next = next;
        }

        @Override
        public String current() {
            return current;
        }

        @Override
        public Optional<String> refresh() {
            refreshes.incrementAndGet();
            next.ifPresent(token -> current = token);
            return next;
        }
    }

    /** A connector with a name and one header of its own; the client under test calls nothing else. */
    private static final class StandInConnector implements Connector {

        @Override
        public ServiceName service() {
            return ServiceName.GITHUB;
        }

        @Override
        public String defaultBaseUrl() {
            return "http://127.0.0.1:1";
        }

        @Override
        public Optional<OAuthFlow> oauth() {
            return Optional.empty();
        }

        @Override
        public String identify(ServiceClient client) {
            return "";
        }

        @Override
        public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
            return Map.of();
        }

        @Override
        public Map<String, String> defaultHeaders() {
            return Map.of("Accept", "application/json", "X-Test-Version", "7");
        }
    }
}
