package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StreamingAndUsageIntegrationTests extends AiIntegrationTest {

    static final Map<String, String> ACCEPT_EVENTS = Map.of("Accept", "text/event-stream");

    @Test
    void streamsOpenAiChunksThenMetadata() {
        Session user = api.registerNew("ai_stream_openai");
        String chunk = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";
        String body = "data: " + chunk.formatted("Hel") + "\n\n"
                + "data: " + chunk.formatted("lo") + "\n\n"
                + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n"
                + "data: [DONE]\n\n";
        PROVIDERS.stubFor(post("/openai/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));

        Response response = api.send("POST", "/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:gpt-4o-mini", "input_data", Map.of("prompt", "Hi")), ACCEPT_EVENTS);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.body()).containsSubsequence(
                "event: delta\ndata: {\"text\":\"Hel\"}", "event: delta\ndata: {\"text\":\"lo\"}", "event: done");
        JsonNode done = lastEventData(response.body());
        assertThat(done.get("metadata").get("finish_reason").asString()).isEqualTo("stop");
        assertThat(done.get("metadata").get("input_tokens").asInt()).isEqualTo(5);
        assertThat(done.get("metadata").get("output_tokens").asInt()).isEqualTo(2);
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/openai/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void streamsGeminiChunks() {
        Session user = api.registerNew("ai_stream_gemini");
        String body = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi \"}], \"role\": \"model\"}}]}\r\n\r\n"
                + "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"there\"}], \"role\": \"model\"},"
                + " \"finishReason\": \"STOP\"}], \"usageMetadata\": {\"promptTokenCount\": 3, \"candidatesTokenCount\": 2}}\r\n\r\n";
        PROVIDERS.stubFor(post(urlPathEqualTo("/google/v1/models/gemini-2.5-flash:streamGenerateContent"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body)));

        Response response = api.send("POST", "/api/ai/predict", user.token(), Map.of(
                "model_id", "google:gemini-2.5-flash", "input_data", Map.of("prompt", "Hi")), ACCEPT_EVENTS);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).containsSubsequence("{\"text\":\"Hi \"}", "{\"text\":\"there\"}", "event: done");
        assertThat(lastEventData(response.body()).get("metadata").get("output_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void streamsOllamaLines() {
        Session user = api.registerNew("ai_stream_ollama");
        String body = """
                {"model":"llama3.2","message":{"role":"assistant","content":"One"},"done":false}
                {"model":"llama3.2","message":{"role":"assistant","content":" two"},"done":false}
                {"model":"llama3.2","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":4,"eval_count":2}
                """;
        PROVIDERS.stubFor(post("/ollama/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(body)));

        Response response = api.send("POST", "/api/ai/predict", user.token(), Map.of(
                "model_id", "ollama:llama3.2", "input_data", Map.of("prompt", "Count")), ACCEPT_EVENTS);

        assertThat(response.body()).containsSubsequence("{\"text\":\"One\"}", "{\"text\":\" two\"}", "event: done");
        assertThat(lastEventData(response.body()).get("metadata").get("finish_reason").asString()).isEqualTo("stop");
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/ollama/api/chat"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void streamFailingBeforeOutputIsProblem() {
        Session user = api.registerNew("ai_stream_error");
        PROVIDERS.stubFor(post("/ollama/api/chat").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"model 'x' not found\"}")));

        Response response = api.send("POST", "/api/ai/predict", user.token(), Map.of(
                "model_id", "ollama:x", "input_data", Map.of("prompt", "Hi")), ACCEPT_EVENTS);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void usageSumsCallsPerModel() {
        Session user = api.registerNew("ai_usage");
        PROVIDERS.stubFor(post("/openai/v1/chat/completions").willReturn(okJson(PredictionApiIntegrationTests.OPENAI_ANSWER)));
        PROVIDERS.stubFor(post("/ollama/api/chat").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"model 'x' not found\"}")));
        Map<String, Object> openAi = Map.of("model_id", "openai:gpt-4o-mini", "input_data", Map.of("prompt", "Hi"));
        api.post("/api/ai/predict", user.token(), openAi);
        api.post("/api/ai/predict", user.token(), openAi);
        api.post("/api/ai/predict", user.token(), Map.of("model_id", "ollama:x", "input_data", Map.of("prompt", "Hi")));

        Response response = api.get("/api/ai/usage?days=7", user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode usage = response.json();
        assertThat(usage.get("requests").asLong()).isEqualTo(3);
        assertThat(usage.get("failed_requests").asLong()).isEqualTo(1);
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(18);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(8);
        assertThat(usage.get("by_model")).hasSize(2);
        assertThat(usage.get("by_model").get(0).get("model_id").asString()).isEqualTo("ollama:x");
        assertThat(usage.get("by_model").get(1).get("requests").asLong()).isEqualTo(2);
    }

    @Test
    void usageIsPerUser() {
        Session other = api.registerNew("ai_usage_other");

        Response response = api.get("/api/ai/usage", other.token());

        assertThat(response.json().get("requests").asLong()).isZero();
        assertThat(response.json().get("days").asInt()).isEqualTo(30);
    }

    @Test
    void usageRejectsDaysOutOfRange() {
        Session user = api.registerNew("ai_usage_days");

        assertThat(api.get("/api/ai/usage?days=0", user.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/ai/usage?days=367", user.token()).status()).isEqualTo(400);
    }

    private static JsonNode lastEventData(String body) {
        String[] lines = body.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("data: ")) {
                return tools.jackson.databind.json.JsonMapper.builder().build().readTree(lines[i].substring(6));
            }
        }
        throw new AssertionError("No event in " + body);
    }
}
