package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With a restricted catalogue, predict runs only models that are active catalogue entries. */
@TestPropertySource(properties = "allice.ai.catalogue-restricted=true")
class RestrictedCatalogueIntegrationTests extends AiIntegrationTest {

    private static final String OPENAI_CHAT = "/openai/v1/chat/completions";

    Response predict(Session user, String modelId) {
        return api.post("/api/ai/predict", user.token(),
                Map.of("model_id", modelId, "input_data", Map.of("prompt", "Hello")));
    }

    @Test
    void runsCatalogueModelAndRejectsOthers() {
        Session user = api.registerNew("restricted_user");
        PROVIDERS.stubFor(post(OPENAI_CHAT).willReturn(okJson(PredictionApiIntegrationTests.OPENAI_ANSWER)));

        Response listed = predict(user, "openai:gpt-4o-mini");
        Response unlisted = predict(user, "openai:gpt-3.5-turbo");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(unlisted.status()).isEqualTo(400);
        assertThat(unlisted.json().get("detail").asString()).contains("gpt-3.5-turbo");
        PROVIDERS.verify(1, postRequestedFor(urlPathMatching(OPENAI_CHAT)));
    }

    @Test
    void rejectsModelAfterAdminDisablesIt() {
        Session admin = api.admin();
        Session user = api.registerNew("restricted_disabled");
        PROVIDERS.stubFor(post(OPENAI_CHAT).willReturn(okJson(PredictionApiIntegrationTests.OPENAI_ANSWER)));
        long id = api.post("/api/ai/models", admin.token(), Map.of("name", "Ollama small", "model_id", "ollama:tiny"))
                .json().get("id").asLong();

        api.put("/api/ai/models/" + id, admin.token(), Map.of("is_active", false));
        Response disabled = predict(user, "ollama:tiny");

        assertThat(disabled.status()).isEqualTo(400);
    }
}
