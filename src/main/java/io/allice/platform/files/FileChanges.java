package io.allice.platform.files;

import java.util.ArrayList;
import java.util.List;

import io.allice.platform.shared.json.FieldChange;
import io.allice.platform.shared.json.UpdateBody;
import tools.jackson.databind.JsonNode;

/**
 * The changes a {@code PUT /api/files/{id}} requests. A field missing from the body keeps its
 * value; {@code description: null} clears the description and {@code tags: null} clears the tags.
 */
record FileChanges(FieldChange<String> description, FieldChange<List<String>> tags) {

    static FileChanges parse(JsonNode json) {
        UpdateBody body = UpdateBody.of(json);
        FileChanges changes = new FileChanges(
                body.optionalText("description", description -> description.length() > FileRules.MAX_DESCRIPTION_LENGTH
                        ? "must be at most " + FileRules.MAX_DESCRIPTION_LENGTH + " characters" : null),
                tags(body, json.get("tags")));
        body.validated();
        return changes;
    }

    /** Tags come as a JSON array of strings or, as in the upload form, one comma-separated string. */
    private static FieldChange<List<String>> tags(UpdateBody body, JsonNode tags) {
        if (tags == null) {
            return FieldChange.absent();
        }
        if (tags.isNull()) {
            return FieldChange.to(List.of());
        }
        if (tags.isString()) {
            return FieldChange.to(FileRules.parseTags(tags.asString()));
        }
        if (!tags.isArray()) {
            return body.invalid("tags", "must be an array of strings or a comma-separated string");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (!tag.isString()) {
                return body.invalid("tags", "must be an array of strings");
            }
            values.add(tag.asString());
        }
        return FieldChange.to(FileRules.tags(values));
    }
}
