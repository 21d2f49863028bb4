package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PredictionApiIntegrationTests extends AiIntegrationTest {

    static final String OPENAI_CHAT = "/openai/v1/chat/completions";
    static final String GEMINI_GENERATE = "/google/v1/models/gemini-2.5-flash:generateContent";
    static final String OLLAMA_CHAT = "/ollama/api/chat";

    static final String OPENAI_ANSWER = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello from OpenAI", "refusal": null},
                          "logprobs": null, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}}""";

    static final String GEMINI_ANSWER = """
            {"candidates": [{"content": {"parts": [{"text": "Hello from Gemini"}], "role": "model"},
                             "finishReason": "STOP", "index": 0}],
             "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 3, "totalTokenCount": 8},
             "modelVersion": "gemini-2.5-flash"}""";

    static final String OLLAMA_ANSWER = """
            {"model": "llama3.2", "created_at": "2024-07-01T10:00:00.000Z",
             "message": {"role": "assistant", "content": "Hello from Ollama"},
             "done_reason": "stop", "done": true, "total_duration": 5000000, "prompt_eval_count": 11, "eval_count": 6}""";

    @Test
    void openAiPromptReturnsOutputAndMetadata() {
        Session user = api.registerNew("ai_openai");
        PROVIDERS.stubFor(post(OPENAI_CHAT).willReturn(okJson(OPENAI_ANSWER)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:gpt-4o-mini", "input_data", Map.of("prompt", "Hello, world!")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("model_id").asString()).isEqualTo("openai:gpt-4o-mini");
        assertThat(json.get("output").asString()).isEqualTo("Hello from OpenAI");
        JsonNode metadata = json.get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("openai");
        assertThat(metadata.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(metadata.get("finish_reason").asString()).isEqualTo("stop");
        assertThat(metadata.get("input_tokens").asInt()).isEqualTo(9);
        assertThat(metadata.get("output_tokens").asInt()).isEqualTo(4);
        assertThat(metadata.get("latency_ms").isNumber()).isTrue();
        PROVIDERS.verify(postRequestedFor(urlEqualTo(OPENAI_CHAT))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Hello, world!"))));
    }

    @Test
    void openAiTranslatesMessagesAndParameters() {
        Session user = api.registerNew("ai_openai_params");
        PROVIDERS.stubFor(post(OPENAI_CHAT).willReturn(okJson(OPENAI_ANSWER)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:gpt-4o-mini",
                "input_data", Map.of("messages", List.of(
                        Map.of("role", "user", "content", "Hi"),
                        Map.of("role", "assistant", "content", "Hello!"),
                        Map.of("role", "user", "content", "Tell me a joke"))),
                "parameters", Map.of("temperature", 0.5, "max_tokens", 64, "top_p", 0.9, "stop", List.of("END"),
                        "system", "Be brief", "seed", 42)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        PROVIDERS.verify(postRequestedFor(urlEqualTo(OPENAI_CHAT)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini",
                 "messages": [{"role": "system", "content": "Be brief"}, {"role": "user", "content": "Hi"},
                              {"role": "assistant", "content": "Hello!"}, {"role": "user", "content": "Tell me a joke"}],
                 "temperature": 0.5, "max_completion_tokens": 64, "top_p": 0.9, "stop": ["END"], "seed": 42}""",
                false, false)));
    }

    @Test
    void geminiTranslatesPromptAndParameters() {
        Session user = api.registerNew("ai_gemini");
        PROVIDERS.stubFor(post(GEMINI_GENERATE).willReturn(okJson(GEMINI_ANSWER)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "google:gemini-2.5-flash",
                "input_data", Map.of("messages", List.of(Map.of("role", "user", "content", "Hi"),
                        Map.of("role", "assistant", "content", "Hello"), Map.of("role", "user", "content", "More"))),
                "parameters", Map.of("temperature", 0.25, "max_tokens", 32, "top_p", 0.5, "stop", "STOP",
                        "system", "Be kind", "seed", 7)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("output").asString()).isEqualTo("Hello from Gemini");
        assertThat(json.get("metadata").get("provider").asString()).isEqualTo("google");
        assertThat(json.get("metadata").get("finish_reason").asString()).isEqualTo("STOP");
        assertThat(json.get("metadata").get("input_tokens").asInt()).isEqualTo(5);
        assertThat(json.get("metadata").get("output_tokens").asInt()).isEqualTo(3);
        PROVIDERS.verify(postRequestedFor(urlPathEqualTo(GEMINI_GENERATE))
                .withHeader("x-goog-api-key", equalTo(GOOGLE_KEY))
                .withRequestBody(equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "Hi"}]},
                                      {"role": "model", "parts": [{"text": "Hello"}]},
                                      {"role": "user", "parts": [{"text": "More"}]}],
                         "systemInstruction": {"parts": [{"text": "Be kind"}]},
                         "generationConfig": {"temperature": 0.25, "maxOutputTokens": 32, "topP": 0.5,
                                              "stopSequences": ["STOP"], "seed": 7}}""", false, true)));
    }

    @Test
    void replicateWaitsForPredictionAndReturnsOutput() {
        Session user = api.registerNew("ai_replicate");
        PROVIDERS.stubFor(post("/replicate/v1/models/meta/meta-llama-3-8b-instruct/predictions")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"id": "pred-1", "model": "meta/meta-llama-3-8b-instruct", "status": "starting",
                         "output": null, "error": null, "logs": "", "metrics": {},
                         "urls": {"get": "https://api.replicate.com/v1/predictions/pred-1"}}""")));
        PROVIDERS.stubFor(get("/replicate/v1/predictions/pred-1").inScenario("life cycle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(okJson("""
                        {"id": "pred-1", "status": "processing", "output": ["Hel"], "error": null, "metrics": {}}""")));
        PROVIDERS.stubFor(get("/replicate/v1/predictions/pred-1").inScenario("life cycle")
                .whenScenarioStateIs("done")
                .willReturn(okJson("""
                        {"id": "pred-1", "status": "succeeded", "output": ["Hel", "lo"], "error": null,
                         "metrics": {"predict_time": 0.5, "input_token_count": 7, "output_token_count": 2}}""")));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "replicate:meta/meta-llama-3-8b-instruct",
                "input_data", Map.of("prompt", "Hi", "top_k", 50),
                "parameters", Map.of("temperature", 0.7, "max_tokens", 100, "top_p", 0.8, "stop", List.of("a", "b"),
                        "system", "Be brief", "seed", 3)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("output").get(0).asString()).isEqualTo("Hel");
        assertThat(json.get("output").get(1).asString()).isEqualTo("lo");
        assertThat(json.get("metadata").get("finish_reason").asString()).isEqualTo("succeeded");
        assertThat(json.get("metadata").get("input_tokens").asInt()).isEqualTo(7);
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/replicate/v1/models/meta/meta-llama-3-8b-instruct/predictions"))
                .withHeader("Authorization", equalTo("Bearer " + REPLICATE_TOKEN))
                .withRequestBody(equalToJson("""
                        {"input": {"prompt": "Hi", "top_k": 50, "temperature": 0.7, "max_tokens": 100, "top_p": 0.8,
                                   "stop_sequences": "a,b", "system_prompt": "Be brief", "seed": 3}}""")));
    }

    @Test
    void replicateVersionedModelPostsVersion() {
        Session user = api.registerNew("ai_replicate_version");
        PROVIDERS.stubFor(post("/replicate/v1/predictions").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "pred-2", "status": "succeeded", "output": "done", "error": null, "metrics": {}}""")));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "replicate:owner/model:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa",
                "input_data", Map.of("image", "https://example.test/cat.png")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("output").asString()).isEqualTo("done");
        PROVIDERS.verify(postRequestedFor(urlEqualTo("/replicate/v1/predictions")).withRequestBody(equalToJson("""
                {"version": "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa",
                 "input": {"image": "https://example.test/cat.png"}}""")));
    }

    @Test
    void replicateFailedPredictionIs502() {
        Session user = api.registerNew("ai_replicate_failed");
        PROVIDERS.stubFor(post("/replicate/v1/models/owner/model/predictions").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "pred-3", "status": "failed", "output": null, "error": "CUDA out of memory"}""")));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "replicate:owner/model", "input_data", Map.of("prompt", "Hi")));

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.json().get("detail").asString()).contains("CUDA out of memory");
    }

    @Test
    void ollamaTranslatesParameters() {
        Session user = api.registerNew("ai_ollama");
        PROVIDERS.stubFor(post(OLLAMA_CHAT).willReturn(okJson(OLLAMA_ANSWER)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "ollama:llama3.2",
                "input_data", Map.of("prompt", "Hi"),
                "parameters", Map.of("temperature", 1.5, "max_tokens", 10, "top_p", 0.3, "stop", List.of("x"),
                        "system", "Be terse", "seed", 9)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("output").asString()).isEqualTo("Hello from Ollama");
        assertThat(json.get("metadata").get("input_tokens").asInt()).isEqualTo(11);
        assertThat(json.get("metadata").get("output_tokens").asInt()).isEqualTo(6);
        PROVIDERS.verify(postRequestedFor(urlEqualTo(OLLAMA_CHAT)).withRequestBody(equalToJson("""
                {"model": "llama3.2", "stream": false,
                 "messages": [{"role": "system", "content": "Be terse"}, {"role": "user", "content": "Hi"}],
                 "options": {"temperature": 1.5, "num_predict": 10, "top_p": 0.3, "stop": ["x"], "seed": 9}}""")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            model_id missing prefix        | {"model_id": "gpt-4o", "input_data": {"prompt": "x"}}
            model_id unknown prefix        | {"model_id": "acme:model", "input_data": {"prompt": "x"}}
            model_id empty model           | {"model_id": "openai:", "input_data": {"prompt": "x"}}
            model_id bad characters        | {"model_id": "openai:gpt 4", "input_data": {"prompt": "x"}}
            input_data missing             | {"model_id": "openai:gpt-4o"}
            prompt and messages            | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x", "messages": []}}
            prompt not a string            | {"model_id": "openai:gpt-4o", "input_data": {"prompt": 5}}
            prompt blank                   | {"model_id": "openai:gpt-4o", "input_data": {"prompt": " "}}
            messages empty                 | {"model_id": "openai:gpt-4o", "input_data": {"messages": []}}
            message bad role               | {"model_id": "openai:gpt-4o", "input_data": {"messages": [{"role": "tool", "content": "x"}]}}
            message without content        | {"model_id": "openai:gpt-4o", "input_data": {"messages": [{"role": "user"}]}}
            unknown parameter              | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"frequency_penalty": 1}}
            api key parameter              | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"api_key": "sk-other"}}
            base url parameter             | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"base_url": "http://127.0.0.1:1"}}
            stream parameter               | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"stream": true}}
            temperature too high           | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"temperature": 2.5}}
            temperature a string           | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"temperature": "hot"}}
            max_tokens zero                | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"max_tokens": 0}}
            max_tokens fractional          | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"max_tokens": 1.5}}
            top_p above one                | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"top_p": 1.1}}
            stop too many                  | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"stop": ["a", "b", "c", "d", "e"]}}
            stop not strings               | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"stop": [1]}}
            system blank                   | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"system": ""}}
            seed negative                  | {"model_id": "openai:gpt-4o", "input_data": {"prompt": "x"}, "parameters": {"seed": -1}}
            replicate empty input          | {"model_id": "replicate:owner/model", "input_data": {}}
            """)
    void rejectsInvalidRequestWith400(String name, String body) {
        Session user = api.registerNew("ai_invalid");

        Response response = api.post("/api/ai/predict", user.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(PROVIDERS.getAllServeEvents()).isEmpty();
    }

    @Test
    void rejectsAnonymousWith401() {
        Response response = api.post("/api/ai/predict", null, Map.of(
                "model_id", "openai:gpt-4o", "input_data", Map.of("prompt", "x")));

        assertThat(response.status()).isEqualTo(401);
    }
}
