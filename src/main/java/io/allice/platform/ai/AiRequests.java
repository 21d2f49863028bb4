package io.allice.platform.ai;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the AI endpoints. */
final class AiRequests {

    private AiRequests() {
    }

    record Predict(
            @Schema(example = "openai:gpt-4o-mini") @NotNull(message = "is required") String modelId,
            @Schema(description = "{\"prompt\": \"...\"} or {\"messages\": [{\"role\": \"user\", \"content\": \"...\"}]};"
                    + " for Replicate, the model input", example = "{\"prompt\": \"Hello, world!\"}")
            @NotNull(message = "is required") Map<String, Object> inputData,
            @Schema(description = "temperature, max_tokens, top_p, stop, system, seed")
            Map<String, Object> parameters) {
    }

    record Train(
            @Schema(example = "support-bot") @NotNull(message = "is required")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}", message = "must be 1 to 40 letters, digits, _ or -")
            String modelName,
            @Schema(example = "text", defaultValue = "text") String modelType,
            @Schema(example = "openai:gpt-4o-mini-2024-07-18") @NotNull(message = "is required") String baseModel,
            @Schema(description = "{\"examples\": [{\"prompt\": \"...\", \"completion\": \"...\"}, ...]}, at least 10")
            @NotNull(message = "is required") Map<String, Object> trainingData,
            Map<String, Object> parameters) {
    }

    record CatalogueEntry(
            @Schema(example = "GPT-4o mini") @NotNull(message = "is required") @Size(min = 1,
                    max = CatalogueChanges.MAX_NAME_LENGTH, message = "must be 1 to 200 characters") String name,
            @Schema(example = "text", defaultValue = "text") String modelType,
            @Schema(example = "openai:gpt-4o-mini") @NotNull(message = "is required") String modelId,
            @Size(max = CatalogueChanges.MAX_DESCRIPTION_LENGTH, message = "must be at most 2000 characters")
            String description,
            Boolean isActive) {
    }

    /**
     * The body of a catalogue change, for the API documentation only: the endpoint reads the JSON
     * tree (see {@link CatalogueChanges}), because a missing field and a null one mean different things.
     */
    @Schema(description = "Only the fields present change. null clears the description, and "
            + "name, model_type and is_active cannot be null.")
    record CatalogueChange(
            @Schema(example = "GPT-4o mini", maxLength = CatalogueChanges.MAX_NAME_LENGTH) String name,
            @Schema(example = "text") String modelType,
            @Schema(example = "Fast and cheap", nullable = true, maxLength = CatalogueChanges.MAX_DESCRIPTION_LENGTH)
            String description,
            Boolean isActive) {
    }
}
