package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class CatalogueApiIntegrationTests extends AiIntegrationTest {

    @Test
    void listsConfiguredModelsOfEachProvider() {
        Session user = api.registerNew("ai_models");

        Response response = api.get("/api/ai/models", user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(modelIds(response.json())).contains("openai:gpt-4o-mini", "google:gemini-2.5-flash",
                "replicate:meta/meta-llama-3-8b-instruct", "ollama:llama3.2");
        JsonNode first = response.json().get(0);
        assertThat(first.has("id")).isTrue();
        assertThat(first.get("model_type").asString()).isEqualTo("text");
        assertThat(first.get("is_active").asBoolean()).isTrue();
    }

    @Test
    void filtersByProvider() {
        Session user = api.registerNew("ai_models_filter");

        Response response = api.get("/api/ai/models?provider=ollama&model_type=text", user.token());

        assertThat(modelIds(response.json())).contains("ollama:llama3.2").allMatch(id -> id.startsWith("ollama:"));
    }

    @Test
    void adminAddsChangesAndRemovesEntry() {
        Session admin = api.admin();
        Session user = api.registerNew("ai_models_admin");

        Response added = api.post("/api/ai/models", admin.token(), Map.of("name", "Mistral", "model_id",
                "ollama:mistral", "description", "Local Mistral 7B"));
        long id = added.json().get("id").asLong();
        Response disabled = api.put("/api/ai/models/" + id, admin.token(), Map.of("is_active", false));
        Response userView = api.get("/api/ai/models?provider=ollama", user.token());
        Response removed = api.delete("/api/ai/models/" + id, admin.token());

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(disabled.json().get("is_active").asBoolean()).isFalse();
        assertThat(modelIds(userView.json())).doesNotContain("ollama:mistral");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.delete("/api/ai/models/" + id, admin.token()).status()).isEqualTo(404);
    }

    @Test
    void plainUserCannotChangeCatalogue() {
        Session user = api.registerNew("ai_models_user");

        Response response = api.post("/api/ai/models", user.token(), Map.of("name", "X", "model_id", "ollama:x"));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void rejectsDuplicateAndBadEntries() {
        Session admin = api.admin();

        assertThat(api.post("/api/ai/models", admin.token(), Map.of("name", "Dup", "model_id", "ollama:llama3.2"))
                .status()).isEqualTo(409);
        assertThat(api.post("/api/ai/models", admin.token(), Map.of("name", "Bad", "model_id", "acme:x"))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/ai/models", admin.token(), Map.of("name", "Bad", "model_id", "ollama:y",
                "model_type", "video")).status()).isEqualTo(400);
    }

    @Test
    void changeKeepsMissingClearsNull() {
        Session admin = api.admin();
        long id = api.post("/api/ai/models", admin.token(), Map.of("name", "Phi", "model_id", "ollama:phi3",
                "model_type", "text", "description", "Small model")).json().get("id").asLong();

        Response renamed = api.put("/api/ai/models/" + id, admin.token(), "{\"name\": \"Phi 3\"}");
        Response cleared = api.put("/api/ai/models/" + id, admin.token(), "{\"description\": null}");

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("description").asString()).isEqualTo("Small model");
        assertThat(renamed.json().get("is_active").asBoolean()).isTrue();
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(cleared.json().get("name").asString()).isEqualTo("Phi 3");
        assertThat(cleared.json().get("model_type").asString()).isEqualTo("text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "model_type", "is_active"})
    void nullRequiredFieldIs400(String field) {
        Session admin = api.admin();
        long id = api.post("/api/ai/models", admin.token(), Map.of("name", "Gemma " + field,
                "model_id", "ollama:gemma-" + field.replace('_', '-'))).json().get("id").asLong();

        Response response = api.put("/api/ai/models/" + id, admin.token(), "{\"" + field + "\": null}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).startsWith(field + ": ");
        JsonNode entry = api.get("/api/ai/models?provider=ollama", admin.token()).json().valueStream()
                .filter(model -> model.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(entry.get("name").asString()).isEqualTo("Gemma " + field);
        assertThat(entry.get("is_active").asBoolean()).isTrue();
    }

    @Test
    void changeReportsAllInvalidFields() {
        Session admin = api.admin();
        long id = api.post("/api/ai/models", admin.token(), Map.of("name", "Qwen", "model_id", "ollama:qwen-x"))
                .json().get("id").asLong();

        Response response = api.put("/api/ai/models/" + id, admin.token(),
                "{\"name\": \"  \", \"is_active\": \"yes\", \"model_type\": \"video\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("name", "is_active", "model_type");
    }

    @Test
    void refreshAddsModelsProvidersList() {
        Session admin = api.admin();
        PROVIDERS.stubFor(get("/ollama/api/tags").willReturn(okJson("""
                {"models": [{"name": "qwen2.5:7b", "model": "qwen2.5:7b", "size": 4683087332,
                             "details": {"family": "qwen2"}}]}""")));
        PROVIDERS.stubFor(get("/openai/v1/models").willReturn(okJson("""
                {"object": "list", "data": [{"id": "gpt-4.1-nano", "object": "model", "created": 1, "owned_by": "system"}]}""")));

        Response response = api.get("/api/ai/models?refresh=true", admin.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(modelIds(response.json())).contains("ollama:qwen2.5:7b", "openai:gpt-4.1-nano");
    }

    @Test
    void refreshIsForAdmins() {
        Session user = api.registerNew("ai_models_refresh");

        assertThat(api.get("/api/ai/models?refresh=true", user.token()).status()).isEqualTo(403);
    }

    private static java.util.List<String> modelIds(JsonNode list) {
        return list.valueStream().map(entry -> entry.get("model_id").asString()).toList();
    }
}
