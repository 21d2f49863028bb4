package io.allice.platform.ai;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Response bodies of the AI endpoints. */
final class AiViews {

    private AiViews() {
    }

    /** A prediction; {@code output} is text, or for Replicate the model's output as JSON. */
    record Prediction(String modelId, Object output, PredictionMetadata metadata) {
    }

    /**
     * How a prediction was made.
     *
     * @param inputTokens null when the provider does not report it, as for most Replicate models
     */
    record PredictionMetadata(String provider, String model, String finishReason, Integer inputTokens,
            Integer outputTokens, long latencyMs) {
    }

    record ModelUsage(String modelId, long requests, long failedRequests, long inputTokens, long outputTokens,
            long totalLatencyMs) {
    }

    record UsageSummary(int days, Instant since, long requests, long failedRequests, long inputTokens,
            long outputTokens, long totalLatencyMs, List<ModelUsage> byModel) {

        static UsageSummary of(int days, Instant since, List<ModelUsage> byModel) {
            return new UsageSummary(days, since,
                    byModel.stream().mapToLong(ModelUsage::requests).sum(),
                    byModel.stream().mapToLong(ModelUsage::failedRequests).sum(),
                    byModel.stream().mapToLong(ModelUsage::inputTokens).sum(),
                    byModel.stream().mapToLong(ModelUsage::outputTokens).sum(),
                    byModel.stream().mapToLong(ModelUsage::totalLatencyMs).sum(), byModel);
        }
    }

    /** The response to a started fine-tuning job. */
    record TrainingStarted(String trainingId, String status, String message) {
    }

    /**
     * A fine-tuning job.
     *
     * @param providerJobId the provider's id of the job, for example {@code ftjob-abc123}
     * @param modelId the resulting {@code provider:model} reference once the job succeeded, else null
     * @param events the provider's events, oldest first, as objects with id, created_at, level and message
     */
    record TrainingJobView(String trainingId, String modelName, String modelType, String baseModel, String status,
            String providerJobId, Long trainedTokens, String error, String modelId, List<Map<String, Object>> events,
            Instant createdAt, Instant updatedAt, Instant finishedAt) {
    }

    record CatalogueEntry(long id, String name, String modelType, String provider, String modelId, String description,
            boolean isActive) {
    }
}
