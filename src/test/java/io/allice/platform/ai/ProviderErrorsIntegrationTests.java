package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each provider's error bodies, mapped to the platform's statuses. */
class ProviderErrorsIntegrationTests extends AiIntegrationTest {

    static final String OPENAI_ERROR = """
            {"error": {"message": "%s", "type": "invalid_request_error", "param": null, "code": "x"}}""";
    static final String GEMINI_ERROR = """
            {"error": {"code": %d, "message": "%s", "status": "X"}}""";

    @ParameterizedTest(name = "{0} {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            openai:gpt-4o-mini           | 400 | The model produced invalid content   | 400
            openai:gpt-4o-mini           | 404 | The model gpt-9 does not exist      | 404
            openai:gpt-4o-mini           | 401 | Incorrect API key provided: sk-te***89 | 502
            openai:gpt-4o-mini           | 403 | Project does not have access        | 502
            openai:gpt-4o-mini           | 500 | The server had an error             | 502
            google:gemini-2.5-flash      | 400 | Invalid JSON payload received       | 400
            google:gemini-2.5-flash      | 404 | models/gemini-9 is not found        | 404
            google:gemini-2.5-flash      | 403 | API key not valid                   | 502
            google:gemini-2.5-flash      | 503 | The model is overloaded             | 502
            replicate:owner/model        | 422 | - input: prompt is required         | 400
            replicate:owner/model        | 404 | The requested resource could not be found. | 404
            replicate:owner/model        | 401 | You did not pass a valid authentication token | 502
            replicate:owner/model        | 500 | Internal server error               | 502
            ollama:llama3.2              | 404 | model 'nope' not found              | 404
            ollama:llama3.2              | 400 | invalid options                     | 400
            ollama:llama3.2              | 500 | llama runner process has terminated | 502
            """)
    void mapsProviderError(String modelId, int providerStatus, String message, int expected) {
        Session user = api.registerNew("ai_errors");
        stubError(modelId, providerStatus, message);

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", modelId, "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        String detail = response.json().get("detail").asString();
        if (providerStatus == 401 || providerStatus == 403) {
            assertThat(detail).contains("credentials").doesNotContain(message);
        } else if (expected < 500) {
            assertThat(detail).contains(message);
        }
        assertThat(response.body()).doesNotContain(OPENAI_KEY).doesNotContain(GOOGLE_KEY).doesNotContain(REPLICATE_TOKEN);
    }

    @Test
    void unauthorizedNamesVariable() {
        Session user = api.registerNew("ai_errors_key");
        stubError("openai:gpt-4o-mini", 401, "Incorrect API key provided");

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:gpt-4o-mini", "input_data", Map.of("prompt", "Hi")));

        assertThat(response.json().get("detail").asString()).contains("OPENAI_API_KEY");
    }

    @Test
    void rateLimitIs429WithRetryAfter() {
        Session user = api.registerNew("ai_errors_429");
        PROVIDERS.stubFor(post("/openai/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "7")
                .withBody(OPENAI_ERROR.formatted("Rate limit reached for gpt-4o-mini"))));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:gpt-4o-mini", "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(response.json().get("detail").asString()).contains("Rate limit reached");
        // One retry is configured for the tests, so the stand-in sees two attempts.
        PROVIDERS.verify(2, postRequestedFor(urlEqualTo("/openai/v1/chat/completions")));
    }

    @Test
    void retriesServerErrorThenSucceeds() {
        Session user = api.registerNew("ai_errors_retry");
        PROVIDERS.stubFor(post("/ollama/api/chat").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("{\"error\": \"busy\"}")));
        PROVIDERS.stubFor(post("/ollama/api/chat").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(PredictionApiIntegrationTests.OLLAMA_ANSWER)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "ollama:llama3.2", "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        PROVIDERS.verify(2, postRequestedFor(urlEqualTo("/ollama/api/chat")));
    }

    @Test
    void doesNotRetryClientError() {
        Session user = api.registerNew("ai_errors_noretry");
        stubError("ollama:llama3.2", 400, "bad");

        api.post("/api/ai/predict", user.token(), Map.of("model_id", "ollama:llama3.2", "input_data", Map.of("prompt", "Hi")));

        PROVIDERS.verify(1, postRequestedFor(urlEqualTo("/ollama/api/chat")));
    }

    @Test
    void slowProviderIs504() {
        Session user = api.registerNew("ai_errors_timeout");
        PROVIDERS.stubFor(post("/ollama/api/chat").willReturn(okJson(PredictionApiIntegrationTests.OLLAMA_ANSWER)
                .withFixedDelay(6_000)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "ollama:llama3.2", "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).as(response.toString()).isEqualTo(504);
    }

    @Test
    void slowOpenAiIs504() {
        Session user = api.registerNew("ai_errors_timeout_openai");
        PROVIDERS.stubFor(post("/openai/v1/chat/completions").willReturn(okJson(PredictionApiIntegrationTests.OPENAI_ANSWER)
                .withFixedDelay(6_000)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:gpt-4o-mini", "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).as(response.toString()).isEqualTo(504);
    }

    private static void stubError(String modelId, int status, String message) {
        String path;
        String body;
        if (modelId.startsWith("openai:")) {
            path = "/openai/v1/chat/completions";
            body = OPENAI_ERROR.formatted(message);
        } else if (modelId.startsWith("google:")) {
            path = "/google/v1/models/gemini-2.5-flash:generateContent";
            body = GEMINI_ERROR.formatted(status, message);
        } else if (modelId.startsWith("replicate:")) {
            path = "/replicate/v1/models/owner/model/predictions";
            body = "{\"detail\": \"" + message + "\", \"status\": " + status + ", \"title\": \"Error\"}";
        } else {
            path = "/ollama/api/chat";
            body = "{\"error\": \"" + message + "\"}";
        }
        PROVIDERS.stubFor(post(path).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
