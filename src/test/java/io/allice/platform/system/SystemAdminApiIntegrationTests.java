package io.allice.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import io.allice.platform.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SystemAdminApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PlatformProperties platform;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    // --- access ---

    static Stream<Arguments> adminRoutes() {
        return Stream.of(
                Arguments.of("GET", "/api/system/stats"),
                Arguments.of("GET", "/api/system/config"),
                Arguments.of("GET", "/api/system/logs"),
                Arguments.of("POST", "/api/system/restart"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminRoutes")
    void rejectsAnonymousCallerWith401(String method, String path) {
        Response response = api.send(method, path, null, null, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminRoutes")
    void rejectsPlainUserWith403(String method, String path) {
        Session user = api.registerNew("sys_user");

        Response response = api.send(method, path, user.token(), null, Map.of());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/system/stats", "/api/system/config", "/api/system/logs"})
    void letsAdminReadWith200(String path) {
        Session admin = api.admin();

        Response response = api.get(path, admin.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void restartIsConflictOutsideRestarter() {
        Session admin = api.admin();

        Response response = api.post("/api/system/restart", admin.token(), null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("cannot restart");
        assertThat(api.get("/api/system/health", null).status()).isEqualTo(200);
    }

    // --- stats ---

    @Test
    void statsReportsPercentagesAndJavaVersion() {
        Session admin = api.admin();

        JsonNode stats = api.get("/api/system/stats", admin.token()).json();

        for (String field : List.of("cpu_percent", "memory_percent", "disk_percent")) {
            assertThat(stats.get(field).isNumber()).as(field).isTrue();
            assertThat(stats.get(field).asDouble()).as(field).isBetween(0.0, 100.0);
        }
        assertThat(stats.get("java_version").asString()).isEqualTo(Runtime.version().toString());
    }

    // --- config ---

    @Test
    void configReportsDocumentedFields() {
        Session admin = api.admin();

        JsonNode config = api.get("/api/system/config", admin.token()).json();

        assertThat(config.get("environment").asString()).isEqualTo(platform.environment());
        assertThat(config.get("debug_mode").isBoolean()).isTrue();
        assertThat(config.get("max_upload_size").asLong()).isEqualTo(platform.maxUploadSize());
        assertThat(config.get("stripe_enabled").isBoolean()).isTrue();
        assertThat(config.get("redis_enabled").isBoolean()).isTrue();
    }

    @Test
    void configContainsNoSecret() {
        Session admin = api.admin();

        Response response = api.get("/api/system/config", admin.token());

        assertThat(response.body()).doesNotContain(TestAccounts.JWT_SECRET);
        assertThat(response.body()).doesNotContain(TestAccounts.ADMIN_PASSWORD);
        assertThat(response.body()).doesNotContain(TestDatabase.schema());
        assertThat(response.body()).doesNotContainIgnoringCase("password");
        assertThat(response.body()).doesNotContainIgnoringCase("secret");
        for (String name : propertyNames(response.json())) {
            assertThat(name.toLowerCase(Locale.ROOT)).as("field name").doesNotContain("token", "key", "credential");
        }
    }

    // --- logs ---

    @Test
    void logsReturnAtMostRequestedLines() {
        Session admin = api.admin();

        JsonNode logs = api.get("/api/system/logs?lines=5", admin.token()).json();

        assertThat(logs.get("lines").isArray()).isTrue();
        assertThat(logs.get("lines").size()).isBetween(1, 5);
        assertThat(logs.get("count").asInt()).isEqualTo(logs.get("lines").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10001", "abc"})
    void rejectsInvalidLineCountWith400(String lines) {
        Session admin = api.admin();

        Response response = api.get("/api/system/logs?lines=" + lines, admin.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("lines");
    }

    @Test
    void acceptsLargestLineCount() {
        Session admin = api.admin();

        Response response = api.get("/api/system/logs?lines=10000", admin.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("lines").size()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void logsShowItemCreatedByTest() {
        Session admin = api.admin();
        Session author = api.registerNew("sys_author");
        long itemId = api.post("/api/items", author.token(), Map.of("title", "Logged")).json().get("id").asLong();
        String expected = "User " + author.userId() + " created item " + itemId;

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode logs = api.get("/api/system/logs?lines=10000", admin.token()).json();
            assertThat(lineTexts(logs)).anyMatch(line -> line.contains(expected));
        });
    }

    private static List<String> lineTexts(JsonNode logs) {
        List<String> lines = new ArrayList<>();
        logs.get("lines").forEach(line -> lines.add(line.asString()));
        return lines;
    }

    private static List<String> propertyNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
