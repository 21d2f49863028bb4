package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.allice.platform.ai.TrainingFixtures.FILES;
import static io.allice.platform.ai.TrainingFixtures.JOBS;
import static io.allice.platform.ai.TrainingFixtures.aTrainingRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Starting fine-tuning jobs: validation, the upload and job creation, provider errors and access. */
class TrainingApiIntegrationTests extends AiIntegrationTest {

    @Test
    void startsJobWithUploadedJsonl() {
        Session user = api.registerNew("ai_train");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS, TrainingFixtures.job("cancelled", null, null, null));

        Response response = api.post("/api/ai/train", user.token(), aTrainingRequest());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        String trainingId = json.get("training_id").asString();
        assertThat(trainingId).isNotBlank();
        assertThat(json.get("status").asString()).isEqualTo("queued");
        assertThat(json.get("message").asString()).contains("/api/ai/train/" + trainingId);
        PROVIDERS.verify(postRequestedFor(urlEqualTo(FILES))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBodyPart(aMultipart("purpose").withBody(equalTo("fine-tune")).build())
                .withRequestBodyPart(aMultipart("file")
                        .withHeader("Content-Disposition", containing("filename=\"support-bot.jsonl\""))
                        .withBody(equalTo(TrainingFixtures.expectedJsonl())).build()));
        PROVIDERS.verify(postRequestedFor(urlEqualTo(JOBS)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-abc123", "suffix": "support-bot",
                 "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}}}""")));
        awaitStatus(user, trainingId, "cancelled");
    }

    @Test
    void passesAllHyperparameters() {
        Session user = api.registerNew("ai_train_params");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS, TrainingFixtures.job("cancelled", null, null, null));
        Map<String, Object> request = aTrainingRequest();
        request.put("parameters", Map.of("n_epochs", 4, "batch_size", 8, "learning_rate_multiplier", 0.5));

        Response response = api.post("/api/ai/train", user.token(), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        PROVIDERS.verify(postRequestedFor(urlEqualTo(JOBS)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-abc123", "suffix": "support-bot",
                 "method": {"type": "supervised", "supervised": {"hyperparameters":
                     {"n_epochs": 4, "batch_size": 8, "learning_rate_multiplier": 0.5}}}}""")));
        awaitStatus(user, response.json().get("training_id").asString(), "cancelled");
    }

    @Test
    void writesPromptCompletionLinesForCompletionModel() {
        Session user = api.registerNew("ai_train_legacy");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS, TrainingFixtures.job("cancelled", null, null, null));
        Map<String, Object> request = aTrainingRequest();
        request.put("base_model", "openai:babbage-002");
        request.put("training_data", Map.of("examples", promptExamples(10)));

        Response response = api.post("/api/ai/train", user.token(), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        PROVIDERS.verify(postRequestedFor(urlEqualTo(FILES)).withRequestBodyPart(aMultipart("file")
                .withBody(containing("{\"prompt\":\"Question 0\",\"completion\":\"Answer 0\"}\n")).build()));
        awaitStatus(user, response.json().get("training_id").asString(), "cancelled");
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("model_name missing", "model_name", request -> request.remove("model_name")),
                invalid("model_name with space", "model_name", request -> request.put("model_name", "my bot")),
                invalid("model_name too long", "model_name", request -> request.put("model_name", "a".repeat(41))),
                invalid("model_type unknown", "model_type", request -> request.put("model_type", "video")),
                invalid("model_type image", "model_type", request -> request.put("model_type", "image")),
                invalid("base_model missing", "base_model", request -> request.remove("base_model")),
                invalid("base_model without prefix", "base_model", request -> request.put("base_model", "gpt-4o-mini")),
                invalid("base_model unknown prefix", "base_model", request -> request.put("base_model", "acme:x")),
                invalid("base_model google", "base_model", request -> request.put("base_model", "google:gemini-2.5-flash")),
                invalid("base_model ollama", "base_model", request -> request.put("base_model", "ollama:llama3.2")),
                invalid("base_model replicate", "base_model",
                        request -> request.put("base_model", "replicate:meta/meta-llama-3-8b-instruct")),
                invalid("training_data missing", "training_data", request -> request.remove("training_data")),
                invalid("training_data without examples", "training_data",
                        request -> request.put("training_data", Map.of("rows", promptExamples(10)))),
                invalid("examples not a list", "training_data", request -> request.put("training_data",
                        Map.of("examples", "x"))),
                invalid("nine examples", "training_data.examples",
                        request -> request.put("training_data", Map.of("examples", promptExamples(9)))),
                invalid("too many examples", "training_data.examples",
                        request -> request.put("training_data", Map.of("examples", promptExamples(10_001)))),
                invalid("example not an object", "training_data.examples[9]", request -> examples(request).set(9, "x")),
                invalid("example with unknown field", "training_data.examples[9]",
                        request -> examples(request).set(9, Map.of("input", "a", "output", "b"))),
                invalid("prompt blank", "training_data.examples[9].prompt",
                        request -> examples(request).set(9, Map.of("prompt", " ", "completion", "b"))),
                invalid("completion a number", "training_data.examples[9].completion",
                        request -> examples(request).set(9, Map.of("prompt", "a", "completion", 5))),
                invalid("messages empty", "training_data.examples[9].messages",
                        request -> examples(request).set(9, Map.of("messages", List.of()))),
                invalid("message bad role", "training_data.examples[9].messages[0].role",
                        request -> examples(request).set(9, Map.of("messages", List.of(
                                Map.of("role", "tool", "content", "x"))))),
                invalid("message without content", "training_data.examples[9].messages[0]",
                        request -> examples(request).set(9, Map.of("messages", List.of(Map.of("role", "user"))))),
                invalid("messages without assistant", "training_data.examples[9].messages",
                        request -> examples(request).set(9, Map.of("messages", List.of(
                                Map.of("role", "user", "content", "x"))))),
                invalid("messages for completion model", "training_data.examples[9]",
                        request -> request.put("base_model", "openai:davinci-002")),
                invalid("NUL in prompt", "training_data",
                        request -> examples(request).set(9, Map.of("prompt", "a\u0000", "completion", "b"))),
                invalid("parameter unknown", "parameters.suffix", request -> request.put("parameters",
                        Map.of("suffix", "x"))),
                invalid("parameter api_key", "parameters.api_key", request -> request.put("parameters",
                        Map.of("api_key", "sk-other"))),
                invalid("n_epochs zero", "parameters.n_epochs", request -> request.put("parameters",
                        Map.of("n_epochs", 0))),
                invalid("n_epochs too many", "parameters.n_epochs", request -> request.put("parameters",
                        Map.of("n_epochs", 51))),
                invalid("n_epochs fractional", "parameters.n_epochs", request -> request.put("parameters",
                        Map.of("n_epochs", 2.5))),
                invalid("n_epochs a string", "parameters.n_epochs", request -> request.put("parameters",
                        Map.of("n_epochs", "auto"))),
                invalid("batch_size too large", "parameters.batch_size", request -> request.put("parameters",
                        Map.of("batch_size", 257))),
                invalid("learning rate zero", "parameters.learning_rate_multiplier",
                        request -> request.put("parameters", Map.of("learning_rate_multiplier", 0))),
                invalid("learning rate too high", "parameters.learning_rate_multiplier",
                        request -> request.put("parameters", Map.of("learning_rate_multiplier", 10.5))),
                invalid("learning rate a string", "parameters.learning_rate_multiplier",
                        request -> request.put("parameters", Map.of("learning_rate_multiplier", "high"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsInvalidRequestWith400(String name, String field, Consumer<Map<String, Object>> change) {
        Session user = api.registerNew("ai_train_invalid");
        Map<String, Object> request = aTrainingRequest();
        change.accept(request);

        Response response = api.post("/api/ai/train", user.token(), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(PROVIDERS.getAllServeEvents()).isEmpty();
    }

    @Test
    void providerWithoutFineTuningNamedInDetail() {
        Session user = api.registerNew("ai_train_google");
        Map<String, Object> request = aTrainingRequest();
        request.put("base_model", "google:gemini-2.5-flash");

        Response response = api.post("/api/ai/train", user.token(), request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("google").contains("does not support fine-tuning");
    }

    @Test
    void rejectsTrainingDataOverByteLimit() {
        Session user = api.registerNew("ai_train_large");
        Map<String, Object> request = aTrainingRequest();
        String longText = "x".repeat(TrainingData.MAX_BYTES / 10);
        List<Object> examples = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            examples.add(Map.of("prompt", longText, "completion", "y"));
        }
        request.put("training_data", Map.of("examples", examples));

        Response response = api.post("/api/ai/train", user.token(), request);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("exceeds " + TrainingData.MAX_BYTES + " bytes");
        assertThat(PROVIDERS.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            upload | 400 | Invalid file format for fine-tuning | 400
            upload | 401 | Incorrect API key provided: sk-te***89 | 502
            upload | 429 | Rate limit reached for files          | 429
            upload | 500 | The server had an error               | 502
            create | 400 | Model gpt-9 is not available for fine-tuning | 400
            create | 404 | The model gpt-9 does not exist        | 404
            """)
    void mapsProviderErrorLikePredict(String step, int providerStatus, String message, int expected) {
        Session user = api.registerNew("ai_train_errors");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubError(PROVIDERS, "upload".equals(step) ? FILES : JOBS, providerStatus, message);

        Response response = api.post("/api/ai/train", user.token(), aTrainingRequest());

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        String detail = response.json().get("detail").asString();
        if (providerStatus == 401) {
            assertThat(detail).contains("credentials").contains("OPENAI_API_KEY").doesNotContain(message);
        } else {
            assertThat(detail).contains(message);
        }
        if (providerStatus == 429) {
            assertThat(response.header("Retry-After")).isEqualTo("7");
        }
        assertThat(response.body()).doesNotContain(OPENAI_KEY);
        assertThat(api.get("/api/ai/train", user.token()).json().size()).isZero();
        if ("upload".equals(step)) {
            PROVIDERS.verify(0, postRequestedFor(urlEqualTo(JOBS)));
        }
    }

    @Test
    void rejectsAnonymousWith401() {
        assertThat(api.post("/api/ai/train", null, aTrainingRequest()).status()).isEqualTo(401);
        assertThat(api.get("/api/ai/train", null).status()).isEqualTo(401);
        assertThat(api.get("/api/ai/train/1", null).status()).isEqualTo(401);
    }

    @Test
    void rejectsForeignTrainingJobWith404() {
        Session owner = api.registerNew("ai_train_owner");
        Session other = api.registerNew("ai_train_other");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS, TrainingFixtures.job("cancelled", null, null, null));
        String trainingId = api.post("/api/ai/train", owner.token(), aTrainingRequest()).json().get("training_id")
                .asString();
        awaitStatus(owner, trainingId, "cancelled");

        Response foreign = api.get("/api/ai/train/" + trainingId, other.token());
        Response missing = api.get("/api/ai/train/999999999", owner.token());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(api.get("/api/ai/train", other.token()).json().size()).isZero();
    }

    @Test
    void listsOwnJobsNewestFirst() {
        Session user = api.registerNew("ai_train_list");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS, TrainingFixtures.job("cancelled", null, null, null));
        Map<String, Object> first = aTrainingRequest();
        first.put("model_name", "first-bot");
        Map<String, Object> second = aTrainingRequest();
        second.put("model_name", "second-bot");
        String firstId = api.post("/api/ai/train", user.token(), first).json().get("training_id").asString();
        String secondId = api.post("/api/ai/train", user.token(), second).json().get("training_id").asString();
        awaitStatus(user, firstId, "cancelled");
        awaitStatus(user, secondId, "cancelled");

        JsonNode list = api.get("/api/ai/train", user.token()).json();

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("training_id").asString()).isEqualTo(secondId);
        assertThat(list.get(0).get("model_name").asString()).isEqualTo("second-bot");
        assertThat(list.get(1).get("training_id").asString()).isEqualTo(firstId);
        assertThat(list.get(1).get("base_model").asString()).isEqualTo("openai:gpt-4o-mini-2024-07-18");
        assertThat(list.get(1).get("provider_job_id").asString()).isEqualTo(TrainingFixtures.JOB_ID);
    }

    /** Waits until the job has ended, so its follower makes no more calls to the stand-in. */
    void awaitStatus(Session user, String trainingId, String status) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
                status.equals(api.get("/api/ai/train/" + trainingId, user.token()).json().get("status").asString()));
    }

    private static Arguments invalid(String name, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, field, change);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> examples(Map<String, Object> request) {
        Map<String, Object> data = (Map<String, Object>) request.get("training_data");
        List<Object> examples = new ArrayList<>((List<Object>) data.get("examples"));
        data.put("examples", examples);
        return examples;
    }

    private static List<Object> promptExamples(int count) {
        List<Object> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            examples.add(Map.of("prompt", "Question " + i, "completion", "Answer " + i));
        }
        return examples;
    }
}
