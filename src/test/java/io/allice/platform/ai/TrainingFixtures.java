package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Training requests and OpenAI's fine-tuning wire format for the stand-in: the file, job and
 * event objects as the Files and fine-tuning APIs return them.
 */
final class TrainingFixtures {

    static final String FILES = "/openai/v1/files";
    static final String JOBS = "/openai/v1/fine_tuning/jobs";
    static final String JOB_ID = "ftjob-abc123";
    static final String JOB = JOBS + "/" + JOB_ID;
    static final String EVENTS = JOB + "/events";
    static final String BASE_MODEL = "gpt-4o-mini-2024-07-18";

    private TrainingFixtures() {
    }

    /** Returns a valid request with nine prompt and completion examples and one chat example. */
    static Map<String, Object> aTrainingRequest() {
        List<Object> examples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            examples.add(Map.of("prompt", "Question " + i, "completion", "Answer " + i));
        }
        examples.add(Map.of("messages", List.of(
                Map.of("role", "system", "content", "You answer support questions."),
                Map.of("role", "user", "content", "Where is my order?"),
                Map.of("role", "assistant", "content", "It ships tomorrow."))));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model_name", "support-bot");
        request.put("model_type", "text");
        request.put("base_model", "openai:" + BASE_MODEL);
        request.put("training_data", new LinkedHashMap<>(Map.of("examples", examples)));
        request.put("parameters", new LinkedHashMap<>(Map.of("n_epochs", 3)));
        return request;
    }

    /** Returns the JSONL that {@link #aTrainingRequest()} becomes for a chat model. */
    static String expectedJsonl() {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            jsonl.append("{\"messages\":[{\"role\":\"user\",\"content\":\"Question ").append(i)
                    .append("\"},{\"role\":\"assistant\",\"content\":\"Answer ").append(i).append("\"}]}\n");
        }
        jsonl.append("{\"messages\":[{\"role\":\"system\",\"content\":\"You answer support questions.\"},"
                + "{\"role\":\"user\",\"content\":\"Where is my order?\"},"
                + "{\"role\":\"assistant\",\"content\":\"It ships tomorrow.\"}]}\n");
        return jsonl.toString();
    }

    /** Stubs a successful upload and job creation. */
    static void stubUploadAndCreate(WireMockServer openai) {
        openai.stubFor(post(FILES).willReturn(okJson("""
                {"id": "file-abc123", "object": "file", "bytes": 1200, "created_at": 1700000000,
                 "filename": "support-bot.jsonl", "purpose": "fine-tune", "status": "processed"}""")));
        openai.stubFor(post(JOBS).willReturn(okJson(job("validating_files", null, null, null))));
    }

    /** Stubs the job's status reads to go through the given statuses, one per read, staying at the last. */
    static void stubStatusSequence(WireMockServer openai, String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i + 1 < bodies.length ? "read-" + (i + 1) : state;
            openai.stubFor(get(urlPathEqualTo(JOB)).inScenario("training-job").whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(okJson(bodies[i])));
            state = next;
        }
    }

    static void stubEvents(WireMockServer openai, String... messagesNewestFirst) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < messagesNewestFirst.length; i++) {
            int number = messagesNewestFirst.length - i;
            data.append(i == 0 ? "" : ",").append("""
                    {"id": "ftevent-%d", "object": "fine_tuning.job.event", "created_at": %d, "level": "info",
                     "message": "%s", "type": "message"}""".formatted(number, 1700000000 + number, messagesNewestFirst[i]));
        }
        openai.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(okJson(
                "{\"object\": \"list\", \"data\": [" + data + "], \"has_more\": false}")));
    }

    static void stubError(WireMockServer openai, String path, int status, String message) {
        openai.stubFor(post(path).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "7")
                .withBody(ProviderErrorsIntegrationTests.OPENAI_ERROR.formatted(message))));
    }

    /** Returns a fine-tuning job object, with JSON nulls for null arguments. */
    static String job(String status, String fineTunedModel, Long trainedTokens, String error) {
        String errorJson = error == null ? "null"
                : "{\"code\": \"invalid_training_file\", \"message\": \"" + error + "\", \"param\": \"training_file\"}";
        return """
                {"id": "%s", "object": "fine_tuning.job", "created_at": 1700000000, "error": %s,
                 "fine_tuned_model": %s, "finished_at": null,
                 "hyperparameters": {"n_epochs": 3, "batch_size": "auto", "learning_rate_multiplier": "auto"},
                 "model": "%s", "organization_id": "org-test", "result_files": [], "seed": 42,
                 "status": "%s", "trained_tokens": %s, "training_file": "file-abc123", "validation_file": null}"""
                .formatted(JOB_ID, errorJson, fineTunedModel == null ? "null" : "\"" + fineTunedModel + "\"",
                        BASE_MODEL, status, trainedTokens == null ? "null" : trainedTokens.toString());
    }
}
