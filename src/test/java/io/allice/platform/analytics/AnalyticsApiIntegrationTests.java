package io.allice.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AnalyticsApiIntegrationTests {

    private static final Duration WRITER_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    EventBuffer buffer;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Session admin;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        admin = api.admin();
    }

    /** Waits until the writer has stored the expected number of the user's API calls, read through the admin's view. */
    JsonNode awaitApiCalls(Session user, long expected) {
        await().atMost(WRITER_TIMEOUT).until(() -> usageOf(user).get("api_calls").asLong() >= expected);
        JsonNode usage = usageOf(user);
        assertThat(usage.get("api_calls").asLong()).isEqualTo(expected);
        return usage;
    }

    JsonNode usageOf(Session user) {
        Response response = api.get("/api/analytics/usage?days=1&user_id=" + user.userId(), admin.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    Map<String, JsonNode> byEndpoint(JsonNode list) {
        Map<String, JsonNode> entries = new HashMap<>();
        list.forEach(entry -> entries.put(entry.get("method").asString() + " " + entry.get("endpoint").asString(), entry));
        return entries;
    }

    long createItem(Session user) {
        Response created = api.post("/api/items", user.token(), Map.of("title", "Analytics test item"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void requestsProduceUsageErrorsPerformanceAndTimeSeries() {
        Session user = api.registerNew("metrics");
        long itemId = createItem(user);
        assertThat(api.get("/api/items/" + itemId, user.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/items/" + itemId, user.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/items/999999999", user.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/items?limit=0", user.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/no-such-endpoint", user.token()).status()).isEqualTo(404);
        Response reported = api.post("/api/analytics/events", user.token(), Map.of("events", List.of(
                Map.of("event_type", "page_view", "path", "/home"),
                Map.of("event_type", "page_view", "path", "/pricing", "properties", Map.of("plan", "pro")),
                Map.of("event_type", "signup_clicked"))));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.json().get("recorded").asInt()).isEqualTo(3);

        JsonNode usage = awaitApiCalls(user, 7);

        assertThat(usage.get("total_events").asLong()).isEqualTo(10);
        assertThat(usage.get("page_views").asLong()).isEqualTo(2);
        assertThat(usage.get("errors").asLong()).isEqualTo(3);
        assertThat(usage.get("avg_response_time").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Duration.between(Instant.parse(usage.get("period_start").asString()),
                Instant.parse(usage.get("period_end").asString()))).isEqualTo(Duration.ofDays(1));

        Response errors = api.get("/api/analytics/errors?days=1&user_id=" + user.userId(), admin.token());
        assertThat(errors.status()).isEqualTo(200);
        Map<String, JsonNode> errorsByEndpoint = byEndpoint(errors.json());
        assertThat(errorsByEndpoint).containsOnlyKeys("GET /api/items/{item_id}", "GET /api/items", "GET NOT_FOUND");
        assertThat(errorsByEndpoint.get("GET /api/items/{item_id}").get("error_count").asLong()).isEqualTo(1);
        assertThat(errorsByEndpoint.get("GET /api/items/{item_id}").get("last_error").asString())
                .isEqualTo("Item 999999999 not found");
        assertThat(errorsByEndpoint.get("GET /api/items").get("last_error").asString())
                .isEqualTo("limit: must be between 1 and 1000");
        assertThat(errorsByEndpoint.get("GET NOT_FOUND").get("last_error").asString())
                .isEqualTo("No endpoint GET /api/no-such-endpoint");
        assertThat(errorsByEndpoint.get("GET /api/items").get("last_occurred").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        Response performance = api.get("/api/analytics/performance?days=1&user_id=" + user.userId(), admin.token());
        assertThat(performance.status()).isEqualTo(200);
        Map<String, JsonNode> timesByEndpoint = byEndpoint(performance.json());
        assertThat(timesByEndpoint).containsOnlyKeys("POST /api/items", "GET /api/items/{item_id}", "GET /api/items",
                "GET NOT_FOUND", "POST /api/analytics/events");
        JsonNode itemTimes = timesByEndpoint.get("GET /api/items/{item_id}");
        assertThat(itemTimes.get("total_calls").asLong()).isEqualTo(3);
        double min = itemTimes.get("min_response_time").asDouble();
        double max = itemTimes.get("max_response_time").asDouble();
        assertThat(itemTimes.get("avg_response_time").asDouble()).isBetween(min, max);
        assertThat(itemTimes.get("p95_response_time").asDouble()).isBetween(min, max);

        Response hourly = api.get("/api/analytics/timeseries?days=1&bucket=hour&user_id=" + user.userId(), admin.token());
        assertThat(hourly.status()).isEqualTo(200);
        assertThat(hourly.json().get("bucket").asString()).isEqualTo("hour");
        assertThat(hourly.json().get("points")).hasSize(25);
        assertThat(sum(hourly.json().get("points"), "calls")).isEqualTo(7);
        assertThat(sum(hourly.json().get("points"), "errors")).isEqualTo(3);

        Response daily = api.get("/api/analytics/timeseries?days=7&user_id=" + user.userId(), admin.token());
        assertThat(daily.status()).isEqualTo(200);
        assertThat(daily.json().get("bucket").asString()).isEqualTo("day");
        assertThat(daily.json().get("points")).hasSize(8);
        assertThat(sum(daily.json().get("points"), "calls")).isEqualTo(7);
    }

    static long sum(JsonNode points, String field) {
        long total = 0;
        for (JsonNode point : points) {
            total += point.get(field).asLong();
        }
        return total;
    }

    @Test
    void userSeesOnlyOwnAnalytics() {
        Session alice = api.registerNew("alice");
        Session bob = api.registerNew("bob");
        assertThat(api.get("/api/items/424242", alice.token()).status()).isEqualTo(404);
        awaitApiCalls(alice, 1);

        Response bobUsage = api.get("/api/analytics/usage", bob.token());
        Response bobErrors = api.get("/api/analytics/errors", bob.token());
        Response bobPerformance = api.get("/api/analytics/performance", bob.token());
        Response bobSeries = api.get("/api/analytics/timeseries", bob.token());
        Response aliceErrors = api.get("/api/analytics/errors", alice.token());

        assertThat(bobUsage.status()).isEqualTo(200);
        assertThat(bobUsage.json().get("total_events").asLong()).isZero();
        assertThat(bobErrors.json()).isEmpty();
        assertThat(bobPerformance.json()).allSatisfy(entry ->
                assertThat(entry.get("endpoint").asString()).startsWith("/api/analytics/"));
        assertThat(sum(bobSeries.json().get("points"), "errors")).isZero();
        assertThat(byEndpoint(aliceErrors.json())).containsOnlyKeys("GET /api/items/{item_id}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"usage", "errors", "performance", "timeseries"})
    void plainUserNamingAnotherUserIsForbidden(String endpoint) {
        Session alice = api.registerNew("alice");
        Session bob = api.registerNew("bob");

        Response foreign = api.get("/api/analytics/" + endpoint + "?user_id=" + alice.userId(), bob.token());
        Response own = api.get("/api/analytics/" + endpoint + "?user_id=" + bob.userId(), bob.token());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreign.json().get("detail").asString()).contains("administrator");
        assertThat(own.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usage", "errors", "performance", "timeseries"})
    void adminNamingUnknownUserGets404(String endpoint) {
        Response response = api.get("/api/analytics/" + endpoint + "?user_id=987654321012", admin.token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("User 987654321012 not found");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/analytics/usage",
            "GET, /api/analytics/errors",
            "GET, /api/analytics/performance",
            "GET, /api/analytics/timeseries",
            "POST, /api/analytics/events",
    })
    void anonymousCallerIsUnauthorized(String method, String path) {
        Response response = api.send(method, path, null, method.equals("POST") ? "{\"events\": []}" : null, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/analytics/usage?days=0, days",
            "/api/analytics/usage?days=91, days",
            "/api/analytics/usage?days=abc, days",
            "/api/analytics/usage?user_id=0, user_id",
            "/api/analytics/errors?days=0, days",
            "/api/analytics/errors?limit=0, limit",
            "/api/analytics/errors?limit=101, limit",
            "/api/analytics/performance?days=91, days",
            "/api/analytics/performance?limit=0, limit",
            "/api/analytics/performance?limit=101, limit",
            "/api/analytics/timeseries?days=0, days",
            "/api/analytics/timeseries?days=91, days",
            "/api/analytics/timeseries?bucket=week, bucket",
    })
    void outOfRangeParameterIs400NamingIt(String path, String field) {
        Session user = api.registerNew("params");

        Response response = api.get(path, user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/analytics/usage?days=1",
            "/api/analytics/usage?days=90",
            "/api/analytics/errors?days=90&limit=1",
            "/api/analytics/errors?days=1&limit=100",
            "/api/analytics/performance?days=90&limit=1",
            "/api/analytics/performance?days=1&limit=100",
            "/api/analytics/timeseries?days=90&bucket=hour",
            "/api/analytics/timeseries?days=1&bucket=day",
    })
    void boundaryValuesAreAccepted(String path) {
        Session user = api.registerNew("bounds");

        Response response = api.get(path, user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}| events",
            "{\"events\": []}| events",
            "{\"events\": [null]}| events[0]",
            "{\"events\": [{\"path\": \"/x\"}]}| events[0].event_type",
            "{\"events\": [{\"event_type\": \"9starts_with_digit\"}]}| events[0].event_type",
            "{\"events\": [{\"event_type\": \"has space\"}]}| events[0].event_type",
            "{\"events\": [{\"event_type\": \"api_call\"}]}| events[0].event_type",
            "{\"events\": [{\"event_type\": 5}]}| events[0].event_type",
            "{\"events\": [{\"event_type\": \"page_view\", \"properties\": [1, 2]}]}| events[0].properties",
            "{\"events\": [{\"event_type\": \"page_view\", \"properties\": \"text\"}]}| events[0].properties",
            "{\"events\": [{\"event_type\": \"page_view\", \"path\": \"/a\\u0000b\"}]}| events[0].path",
            "{\"events\": [{\"event_type\": \"page_view\", \"properties\": {\"k\": \"a\\u0000\"}}]}| events[0].properties",
    })
    void invalidClientEventIs400NamingField(String body, String field) {
        Session user = api.registerNew("events");

        Response response = api.post("/api/analytics/events", user.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void clientEventLimitsAre400() {
        Session user = api.registerNew("events");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("event_type", "page_view"));
        }
        Map<String, Object> longPath = Map.of("event_type", "page_view", "path", "/" + "a".repeat(1000));
        Map<String, Object> bigProperties = Map.of("event_type", "page_view", "properties", Map.of("k", "a".repeat(4100)));
        Map<String, Object> longName = Map.of("event_type", "e" + "a".repeat(64));

        Response many = api.post("/api/analytics/events", user.token(), Map.of("events", tooMany));
        Response path = api.post("/api/analytics/events", user.token(), Map.of("events", List.of(longPath)));
        Response properties = api.post("/api/analytics/events", user.token(), Map.of("events", List.of(bigProperties)));
        Response name = api.post("/api/analytics/events", user.token(), Map.of("events", List.of(longName)));

        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.json().get("errors").get(0).get("field").asString()).isEqualTo("events[0].path");
        assertThat(properties.status()).isEqualTo(400);
        assertThat(properties.json().get("errors").get(0).get("field").asString()).isEqualTo("events[0].properties");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().get("errors").get(0).get("field").asString()).isEqualTo("events[0].event_type");
    }

    @Test
    void hundredClientEventsAreRecorded() {
        Session user = api.registerNew("events");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(Map.of("event_type", "page_view", "path", "/page/" + i));
        }

        Response response = api.post("/api/analytics/events", user.token(), Map.of("events", events));
        Response usage = api.get("/api/analytics/usage", user.token());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("recorded").asInt()).isEqualTo(100);
        assertThat(usage.json().get("page_views").asLong()).isEqualTo(100);
    }

    @Test
    void burstWithinBufferLosesNoEvent() throws Exception {
        Session user = api.registerNew("burst");
        long droppedBefore = buffer.droppedCount();
        int requests = 300;

        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                statuses.add(clients.submit(() -> api.get("/api/items?limit=1", user.token()).status()));
            }
        }

        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        awaitApiCalls(user, requests);
        assertThat(buffer.droppedCount()).isEqualTo(droppedBefore);
    }

    @Test
    void rejectedAnonymousRequestIsRecordedUnderFallbackEndpoint() {
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertThat(api.get("/api/items", null).status()).isEqualTo(401);

        await().atMost(WRITER_TIMEOUT).untilAsserted(() -> {
            JsonNode unmatched = byEndpoint(api.get("/api/analytics/errors?days=1&limit=100", admin.token()).json())
                    .get("GET UNKNOWN");
            assertThat(unmatched).isNotNull();
            assertThat(Instant.parse(unmatched.get("last_occurred").asString())).isAfterOrEqualTo(sent);
            assertThat(unmatched.get("last_error").asString()).startsWith("Authentication required");
        });
    }

    @Test
    void deletedAccountLosesItsEvents() {
        Session user = api.registerNew("leaving");
        createItem(user);
        awaitApiCalls(user, 1);
        Instant deleting = Instant.now();

        Response deleted = api.send("DELETE", "/api/auth/me", user.token(), Map.of("password", TestAccounts.PASSWORD),
                Map.of());

        assertThat(deleted.status()).isEqualTo(204);
        await().atMost(WRITER_TIMEOUT).until(() -> jdbc.sql(
                "select count(*) from analytics_events where user_id = ? and created_at < ?")
                .param(user.userId()).param(EventStore.utc(deleting)).query(Long.class).single() == 0);
    }

    @Test
    void prometheusIsAdminOnlyWithRouteMetrics() {
        Session user = api.registerNew("scraped");
        long itemId = createItem(user);
        assertThat(api.get("/api/items/" + itemId, user.token()).status()).isEqualTo(200);

        Response scrape = api.get("/actuator/prometheus", admin.token());
        Response anonymous = api.get("/actuator/prometheus", null);
        Response plainUser = api.get("/actuator/prometheus", user.token());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        assertThat(scrape.body()).contains("http_server_requests_seconds_count{");
        assertThat(scrape.body()).contains("uri=\"/api/items/{item_id}\"");
        assertThat(scrape.body()).contains("allice_analytics_events_dropped_total");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(plainUser.status()).isEqualTo(403);
    }
}
