package io.allice.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared test context configures no AI provider. */
@IntegrationTest
class AiNotConfiguredIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "openai:gpt-4o, OPENAI_API_KEY",
            "google:gemini-2.5-flash, GOOGLE_API_KEY",
            "replicate:owner/model, REPLICATE_API_TOKEN",
            "ollama:llama3.2, OLLAMA_BASE_URL"})
    void unconfiguredProviderIs503NamingVariable(String modelId, String variable) {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("ai_unconfigured");

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", modelId, "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains(variable);
    }

    @Test
    void trainingWithoutOpenAiKeyIs503() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("ai_unconfigured_train");

        Response response = api.post("/api/ai/train", user.token(), TrainingFixtures.aTrainingRequest());

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("OPENAI_API_KEY");
    }
}
