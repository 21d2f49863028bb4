package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser access from other origins. The test context allows only {@code https://app.example.test}.
 * A preflight carries no token, so it must pass the security chain without one.
 */
@IntegrationTest
class CorsIntegrationTests {

    private static final String ALLOWED_ORIGIN = "https://app.example.test";
    private static final String OTHER_ORIGIN = "https://evil.example.test";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void preflightFromAllowedOriginSucceedsWithoutToken() {
        Response response = preflight(ALLOWED_ORIGIN);

        assertThat(response.status()).isIn(200, 204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
    }

    @Test
    void preflightFromOtherOriginGetsNoAllowOrigin() {
        Response response = preflight(OTHER_ORIGIN);

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void preflightFromOtherOriginIsForbiddenProblem() {
        Response response = preflight(OTHER_ORIGIN);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void actualRequestFromAllowedOriginCarriesAllowOrigin() {
        String token = api.registerNew("cors").token();

        Response response = api.send("GET", "/api/items", token, null, Map.of("Origin", ALLOWED_ORIGIN));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(response.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
    }

    @Test
    void rejectsActualRequestFromOtherOrigin() {
        String token = api.registerNew("cors").token();

        Response response = api.send("GET", "/api/items", token, null, Map.of("Origin", OTHER_ORIGIN));

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Every kind of route, public or not, accepts a preflight before any token is checked. */
    @ParameterizedTest
    @CsvSource({
            "PUT, /api/items/1",
            "DELETE, /api/files/1",
            "GET, /api/files/1/download",
            "HEAD, /api/media/1/stream",
            "POST, /api/ai/predict",
            "GET, /api/system/stats",
            "GET, /shared/some-token/download",
            "POST, /api/auth/login",
            "GET, /ws"})
    void preflightPassesOnEveryKindOfRoute(String method, String path) {
        Response response = api.send("OPTIONS", path, null, null, Map.of(
                "Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization, content-type, range"));

        assertThat(response.status()).as(response.toString()).isIn(200, 204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(response.header("Access-Control-Allow-Methods")).contains(method);
        assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "range");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    }

    private Response preflight(String origin) {
        return api.send("OPTIONS", "/api/items", null, null, Map.of(
                "Origin", origin,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type"));
    }
}
