package io.allice.platform.ai;

import java.time.Instant;
import java.util.List;

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

    record CatalogueEntry(long id, String name, String modelType, String provider, String modelId, String description,
            boolean isActive) {
    }
}
