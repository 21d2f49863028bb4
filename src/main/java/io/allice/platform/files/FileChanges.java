package io.allice.platform.files;

import java.util.ArrayList;
import java.util.List;

import io.allice.platform.shared.error.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The changes a {@code PUT /api/files/{id}} requests. A field missing from the body keeps its
 * value; {@code description: null} clears the description and {@code tags: null} clears the tags.
 *
 * @param tags the new tags, or {@code null} to keep them
 */
record FileChanges(boolean descriptionPresent, String description, List<String> tags) {

    static FileChanges parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        JsonNode description = body.get("description");
        if (description != null && !description.isNull() && !description.isString()) {
            throw ApiException.invalidField("description", "must be a string or null");
        }
        String newDescription = description == null || description.isNull() ? null
                : FileRules.description(description.asString());
        return new FileChanges(description != null, newDescription, tags(body.get("tags")));
    }

    /** Tags come as a JSON array of strings or, as in the upload form, one comma-separated string. */
    private static List<String> tags(JsonNode tags) {
        if (tags == null) {
            return null;
        }
        if (tags.isNull()) {
            return List.of();
        }
        if (tags.isString()) {
            return FileRules.parseTags(tags.asString());
        }
        if (!tags.isArray()) {
            throw ApiException.invalidField("tags", "must be an array of strings or a comma-separated string");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isString()) {
                throw ApiException.invalidField("tags", "must be an array of strings");
            }
            values.add(tag.asString());
        }
        return FileRules.tags(values);
    }
}
