package io.allice.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The analytics pipeline on the zero-setup default: the embedded H2 database in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "allice.database-url=",
        "allice.admin.username=" + TestAccounts.ADMIN_USERNAME,
        "allice.admin.email=admin@allice.test",
        "allice.admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
})
class EmbeddedH2AnalyticsTests {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("allice-h2-analytics").toString();
        registry.add("allice.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    @Test
    void recordsAndAggregatesOnH2() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("h2user");
        assertThat(api.get("/api/items", user.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/items/12345", user.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/analytics/events", user.token(),
                "{\"events\": [{\"event_type\": \"page_view\", \"path\": \"/\", \"properties\": {\"a\": 1}}]}").status())
                .isEqualTo(201);
        Session admin = api.admin();
        String scope = "days=1&user_id=" + user.userId();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/analytics/usage?" + scope, admin.token()).json().get("api_calls").asLong() == 3);
        Response usage = api.get("/api/analytics/usage?" + scope, admin.token());
        Response errors = api.get("/api/analytics/errors?" + scope, admin.token());
        Response performance = api.get("/api/analytics/performance?" + scope, admin.token());
        Response series = api.get("/api/analytics/timeseries?bucket=hour&" + scope, admin.token());

        assertThat(usage.json().get("page_views").asLong()).isEqualTo(1);
        assertThat(usage.json().get("errors").asLong()).isEqualTo(1);
        assertThat(errors.json()).hasSize(1);
        assertThat(errors.json().get(0).get("last_error").asString()).isEqualTo("Item 12345 not found");
        assertThat(performance.status()).isEqualTo(200);
        assertThat(performance.json()).hasSize(3);
        assertThat(performance.json().get(0).get("p95_response_time").isNumber()).isTrue();
        assertThat(series.status()).isEqualTo(200);
        assertThat(AnalyticsApiIntegrationTests.sum(series.json().get("points"), "calls")).isEqualTo(3);
    }
}
