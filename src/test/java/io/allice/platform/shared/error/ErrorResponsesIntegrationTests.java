package io.allice.platform.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Errors raised by the framework, the security chain and unexpected exceptions are all
 * returned as problem details. The failing endpoint below gives this class a context of its own.
 */
@IntegrationTest
@TestPropertySource(properties = "allice.database-pool-size=4")
class ErrorResponsesIntegrationTests {

    private static final String FAILING_PATH = "/api/test-only/failure";
    private static final String EXCEPTION_MESSAGE = "connection string jdbc:secret://internal-host leaked";

    @LocalServerPort
    int port;

    ApiClient api;
    String token;

    @BeforeEach
    void signIn() {
        api = ApiClient.onPort(port);
        token = api.registerNew("errors").token();
    }

    @Test
    void malformedJsonIsBadRequest() {
        Response response = api.post("/api/items", token, "{\"title\": ");

        assertProblem(response, 400);
    }

    @Test
    void tooDeepJsonNamesTheLimit() {
        String body = "{\"title\": \"deep\", \"metadata\": " + "{\"a\": ".repeat(600) + "1" + "}".repeat(601);

        Response response = api.post("/api/items", token, body);

        assertProblem(response, 400);
        String detail = response.json().get("detail").asString();
        assertThat(detail).contains("nesting depth").contains("maximum allowed (500)");
        assertThat(detail).doesNotContain("StreamReadConstraints").doesNotContain("`");
    }

    @Test
    void nonJsonBodyIsUnsupportedMediaType() {
        Response response = api.send("POST", "/api/items", token, "title=hello", Map.of("Content-Type", "text/plain"));

        assertProblem(response, 415);
    }

    @Test
    void missingContentTypeIsNamed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"no type\"}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("The request has no Content-Type header; send application/json");
    }

    @Test
    void trailingSlashIsNamed() {
        Response response = api.get("/api/items/", token);

        assertProblem(response, 404);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("No endpoint GET /api/items/; API paths end without a slash");
    }

    @Test
    void unknownPathIsNotFound() {
        Response response = api.get("/api/no-such-endpoint", token);

        assertProblem(response, 404);
    }

    @Test
    void unsupportedMethodIsMethodNotAllowed() {
        Response response = api.send("PATCH", "/api/items/1", token, Map.of("title", "patched"), Map.of());

        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("GET");
        assertThat(response.header("Allow")).contains("PUT");
        assertThat(response.header("Allow")).contains("DELETE");
        assertThat(response.header("Allow")).doesNotContain("PATCH");
    }

    @Test
    void plainUserOnAdminRouteIsForbidden() {
        Response response = api.get("/api/system/stats", token);

        assertProblem(response, 403);
    }

    @Test
    void wrongFieldTypeNamesField() {
        Response response = api.post("/api/auth/login", null, Map.of("username", 42, "password", "whatever1"));

        assertProblem(response, 400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.get(0).get("field").asString()).isEqualTo("username");
        assertThat(response.json().get("detail").asString()).contains("username");
    }

    @Test
    void unexpectedExceptionHidesItsCause() {
        Response response = api.get(FAILING_PATH, token);

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain(EXCEPTION_MESSAGE);
        assertThat(response.body()).doesNotContain("IllegalStateException");
        assertThat(response.body()).doesNotContain("FailingController");
        assertThat(response.body()).doesNotContainIgnoringCase("trace");
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingEndpointConfiguration {

        @Bean
        FailingController failingController() {
            return new FailingController();
        }
    }

    /** An endpoint that fails with an exception that no specific handler covers. */
    @RestController
    static class FailingController {

        @GetMapping(FAILING_PATH)
        String fail() {
            throw new IllegalStateException(EXCEPTION_MESSAGE);
        }
    }
}
