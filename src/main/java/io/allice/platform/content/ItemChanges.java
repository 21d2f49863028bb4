package io.allice.platform.content;

import java.util.Map;

import io.allice.platform.shared.json.FieldChange;
import io.allice.platform.shared.json.UpdateBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changes an update requests. A field missing from the body keeps its value, an explicit
 * null clears an optional field, and an explicit null for a required field is rejected.
 */
record ItemChanges(
        FieldChange<String> title,
        FieldChange<String> description,
        FieldChange<Map<String, Object>> content,
        FieldChange<String> itemType,
        FieldChange<ItemStatus> status,
        FieldChange<Map<String, Object>> metadata) {

    /** Reads and validates an update body, reporting every invalid field at once. */
    static ItemChanges parse(JsonNode json, JsonMapper jsonMapper) {
        UpdateBody body = UpdateBody.of(json);
        ItemChanges changes = new ItemChanges(
                body.requiredText("title", title -> !title.matches(ItemRules.NOT_BLANK_PATTERN) ? "must not be blank"
                        : title.length() > ItemRules.MAX_TITLE_LENGTH ? "must be at most 200 characters" : null),
                body.optionalText("description", description -> description.length() > ItemRules.MAX_DESCRIPTION_LENGTH
                        ? "must be at most 10000 characters" : null),
                body.optionalObject("content", jsonMapper),
                body.requiredText("item_type", type -> type.matches(ItemRules.ITEM_TYPE_PATTERN) ? null
                        : ItemRules.ITEM_TYPE_MESSAGE),
                status(body),
                body.optionalObject("metadata", jsonMapper));
        body.validated();
        return changes;
    }

    private static FieldChange<ItemStatus> status(UpdateBody body) {
        FieldChange<String> text = body.requiredText("status",
                status -> ItemStatus.parse(status).isPresent() ? null : "must be " + ItemStatus.ALLOWED);
        return text.present() ? FieldChange.to(ItemStatus.parse(text.value()).orElseThrow()) : FieldChange.absent();
    }
}
