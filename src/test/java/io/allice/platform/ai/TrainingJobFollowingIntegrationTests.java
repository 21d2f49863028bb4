package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.allice.platform.ai.TrainingFixtures.JOB;
import static io.allice.platform.ai.TrainingFixtures.aTrainingRequest;
import static io.allice.platform.ai.TrainingFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The background job that follows a provider's fine-tuning job until it ends. */
class TrainingJobFollowingIntegrationTests extends AiIntegrationTest {

    /** A new model name per test, because a model name is listed in the catalogue once. */
    private final String fineTunedModel = "ft:gpt-4o-mini-2024-07-18:org-test:support-bot:"
            + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void followsJobUntilSucceeded() {
        Session user = api.registerNew("ai_follow");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS,
                job("validating_files", null, null, null),
                job("running", null, null, null),
                job("succeeded", fineTunedModel, 5120L, null));
        TrainingFixtures.stubEvents(PROVIDERS, "The job has successfully completed", "Fine-tuning job started",
                "Validating training file: file-abc123");
        String trainingId = start(user);

        JsonNode job = awaitStatus(user, trainingId, "succeeded");

        assertThat(job.get("provider_job_id").asString()).isEqualTo(TrainingFixtures.JOB_ID);
        assertThat(job.get("trained_tokens").asLong()).isEqualTo(5120);
        assertThat(job.get("model_id").asString()).isEqualTo("openai:" + fineTunedModel);
        assertThat(job.get("error").isNull()).isTrue();
        assertThat(job.get("finished_at").isNull()).isFalse();
        // Each status was read once, and the follower stopped reading once the job had ended.
        PROVIDERS.verify(3, getRequestedFor(urlPathEqualTo(JOB)));
        List<String> events = StreamSupport.stream(job.get("events").spliterator(), false)
                .map(event -> event.get("message").asString()).toList();
        assertThat(events).containsExactly("Validating training file: file-abc123", "Fine-tuning job started",
                "The job has successfully completed");
        assertThat(job.get("events").get(0).get("id").asString()).isEqualTo("ftevent-1");
        assertThat(job.get("events").get(0).get("level").asString()).isEqualTo("info");
    }

    @Test
    void notifiesOwnerWhenSucceeded() {
        Session user = api.registerNew("ai_follow_notify");
        stubSucceedingJob();
        String trainingId = start(user);

        awaitStatus(user, trainingId, "succeeded");

        JsonNode notification = notificationFor(user, trainingId);
        assertThat(notification.get("title").asString()).isEqualTo("Fine-tuning finished");
        assertThat(notification.get("notification_type").asString()).isEqualTo("success");
        assertThat(notification.get("message").asString()).contains("openai:" + fineTunedModel);
        assertThat(notification.get("action_url").asString()).isEqualTo("/api/ai/train/" + trainingId);
        assertThat(notification.get("metadata").get("model_id").asString()).isEqualTo("openai:" + fineTunedModel);
    }

    @Test
    void fineTunedModelListedForOwnerOnly() {
        Session owner = api.registerNew("ai_follow_catalogue");
        Session other = api.registerNew("ai_follow_catalogue_other");
        stubSucceedingJob();
        String trainingId = start(owner);

        awaitStatus(owner, trainingId, "succeeded");

        JsonNode entry = catalogueEntry(owner, "openai:" + fineTunedModel);
        assertThat(entry).isNotNull();
        assertThat(entry.get("name").asString()).isEqualTo("support-bot");
        assertThat(entry.get("model_type").asString()).isEqualTo("text");
        assertThat(entry.get("provider").asString()).isEqualTo("openai");
        assertThat(entry.get("is_active").asBoolean()).isTrue();
        assertThat(catalogueEntry(other, "openai:" + fineTunedModel)).isNull();
    }

    @Test
    void fineTunedModelWorksWithPredict() {
        Session user = api.registerNew("ai_follow_predict");
        stubSucceedingJob();
        String trainingId = start(user);
        awaitStatus(user, trainingId, "succeeded");
        PROVIDERS.stubFor(post(PredictionApiIntegrationTests.OPENAI_CHAT)
                .willReturn(okJson(PredictionApiIntegrationTests.OPENAI_ANSWER)));

        Response response = api.post("/api/ai/predict", user.token(), Map.of(
                "model_id", "openai:" + fineTunedModel, "input_data", Map.of("prompt", "Where is my order?")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("model_id").asString()).isEqualTo("openai:" + fineTunedModel);
        assertThat(response.json().get("output").asString()).isEqualTo("Hello from OpenAI");
        PROVIDERS.verify(postRequestedFor(urlEqualTo(PredictionApiIntegrationTests.OPENAI_CHAT))
                .withRequestBody(matchingJsonPath("$.model", equalTo(fineTunedModel))));
    }

    @Test
    void failedJobReportedAndNotified() {
        Session user = api.registerNew("ai_follow_failed");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS,
                job("validating_files", null, null, null),
                job("failed", null, null, "Training file has 3 examples with too many tokens"));
        TrainingFixtures.stubEvents(PROVIDERS, "Training file has 3 examples with too many tokens");
        String trainingId = start(user);

        JsonNode job = awaitStatus(user, trainingId, "failed");

        assertThat(job.get("error").asString()).isEqualTo("Training file has 3 examples with too many tokens");
        assertThat(job.get("model_id").isNull()).isTrue();
        assertThat(job.get("finished_at").isNull()).isFalse();
        JsonNode notification = notificationFor(user, trainingId);
        assertThat(notification.get("title").asString()).isEqualTo("Fine-tuning failed");
        assertThat(notification.get("notification_type").asString()).isEqualTo("error");
        assertThat(notification.get("message").asString()).contains("too many tokens");
        assertThat(StreamSupport.stream(api.get("/api/ai/models", user.token()).json().spliterator(), false)
                .filter(entry -> entry.get("name").asString().equals("support-bot"))).isEmpty();
    }

    @Test
    void jobUnknownToProviderEndsFailed() {
        Session user = api.registerNew("ai_follow_gone");
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        // Without a status stub the stand-in returns 404, as for a job the provider does not know.
        String trainingId = start(user);

        JsonNode job = awaitStatus(user, trainingId, "failed");

        assertThat(job.get("error").asString()).contains(TrainingFixtures.JOB_ID);
        assertThat(notificationFor(user, trainingId).get("notification_type").asString()).isEqualTo("error");
    }

    private void stubSucceedingJob() {
        TrainingFixtures.stubUploadAndCreate(PROVIDERS);
        TrainingFixtures.stubStatusSequence(PROVIDERS,
                job("running", null, null, null),
                job("succeeded", fineTunedModel, 5120L, null));
        TrainingFixtures.stubEvents(PROVIDERS, "The job has successfully completed");
    }

    private String start(Session user) {
        Response response = api.post("/api/ai/train", user.token(), aTrainingRequest());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("training_id").asString();
    }

    private JsonNode awaitStatus(Session user, String trainingId, String status) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
                status.equals(api.get("/api/ai/train/" + trainingId, user.token()).json().get("status").asString()));
        return api.get("/api/ai/train/" + trainingId, user.token()).json();
    }

    private JsonNode notificationFor(Session user, String trainingId) {
        JsonNode history = api.get("/api/notify/history", user.token()).json();
        return StreamSupport.stream(history.spliterator(), false)
                .filter(item -> ("/api/ai/train/" + trainingId).equals(item.get("action_url").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("No notification for training job " + trainingId
                        + " in " + history));
    }

    private JsonNode catalogueEntry(Session user, String modelId) {
        JsonNode models = api.get("/api/ai/models", user.token()).json();
        return StreamSupport.stream(models.spliterator(), false)
                .filter(entry -> modelId.equals(entry.get("model_id").asString())).findFirst().orElse(null);
    }
}
