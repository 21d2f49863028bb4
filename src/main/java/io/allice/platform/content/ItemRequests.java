package io.allice.platform.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the item endpoints. */
final class ItemRequests {

    private ItemRequests() {
    }

    record CreateItem(
            @Schema(example = "My first post", maxLength = ItemRules.MAX_TITLE_LENGTH)
            @NotNull(message = "is required")
            @Pattern(regexp = ItemRules.NOT_BLANK_PATTERN, message = "must not be blank")
            @Size(max = ItemRules.MAX_TITLE_LENGTH, message = "must be at most 200 characters") String title,
            @Schema(example = "A short summary")
            @Size(max = ItemRules.MAX_DESCRIPTION_LENGTH, message = "must be at most 10000 characters") String description,
            @Schema(description = "Any JSON object", example = "{\"body\": \"Hello\"}") Map<String, Object> content,
            @Schema(example = "post", defaultValue = ItemRules.DEFAULT_ITEM_TYPE)
            @Pattern(regexp = ItemRules.ITEM_TYPE_PATTERN, message = ItemRules.ITEM_TYPE_MESSAGE) String itemType,
            @Schema(example = "draft", allowableValues = {"draft", "published", "archived"}, defaultValue = "draft")
            @Pattern(regexp = "^(draft|published|archived)$", message = "must be " + ItemStatus.ALLOWED) String status,
            @Schema(description = "Any JSON object", example = "{\"lang\": \"en\"}") Map<String, Object> metadata) {

        /** Lists the fields whose text PostgreSQL cannot store, which bean validation does not check. */
        List<FieldViolation> storageViolations() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("title", title);
            values.put("description", description);
            values.put("content", content);
            values.put("metadata", metadata);
            return UnstorableCharacters.violations(values);
        }
    }

    /**
     * The body of an update, for the API documentation only: the endpoint reads the JSON tree,
     * because a field that is missing (keep the value) differs from one that is null (clear it).
     */
    @Schema(description = "Only the fields present change. null clears description, content or metadata; "
            + "title, item_type and status cannot be null.")
    record UpdateItem(
            @Schema(example = "A better title", maxLength = ItemRules.MAX_TITLE_LENGTH) String title,
            @Schema(example = "An updated summary", nullable = true) String description,
            @Schema(description = "Any JSON object", nullable = true) Map<String, Object> content,
            @Schema(example = "post") String itemType,
            @Schema(example = "published", allowableValues = {"draft", "published", "archived"}) String status,
            @Schema(description = "Any JSON object", nullable = true) Map<String, Object> metadata) {
    }
}
