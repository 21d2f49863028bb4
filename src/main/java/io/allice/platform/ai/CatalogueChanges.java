package io.allice.platform.ai;

import io.allice.platform.shared.json.FieldChange;
import io.allice.platform.shared.json.UpdateBody;
import tools.jackson.databind.JsonNode;

/**
 * The changes a {@code PUT /api/ai/models/{id}} requests. A missing field keeps its value,
 * {@code description: null} clears the description, and null for the name, the type or
 * {@code is_active} is a 400 naming the field.
 */
record CatalogueChanges(
        FieldChange<String> name,
        FieldChange<String> modelType,
        FieldChange<String> description,
        FieldChange<Boolean> active) {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 2000;

    static CatalogueChanges parse(JsonNode json) {
        UpdateBody body = UpdateBody.of(json);
        CatalogueChanges changes = new CatalogueChanges(
                body.requiredText("name", name -> name.isBlank() || name.length() > MAX_NAME_LENGTH
                        ? "must be 1 to " + MAX_NAME_LENGTH + " characters" : null),
                body.requiredText("model_type", type -> ModelCatalogue.MODEL_TYPES.contains(type) ? null
                        : ModelCatalogue.MODEL_TYPES_MESSAGE),
                body.optionalText("description", description -> description.length() > MAX_DESCRIPTION_LENGTH
                        ? "must be at most " + MAX_DESCRIPTION_LENGTH + " characters" : null),
                body.requiredBoolean("is_active"));
        body.validated();
        return changes;
    }
}
