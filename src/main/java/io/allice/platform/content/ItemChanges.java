package io.allice.platform.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.NulCharacters;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changes an update requests. A field missing from the body keeps its value, an explicit
 * null clears an optional field, and an explicit null for a required field is rejected.
 */
record ItemChanges(
        Change<String> title,
        Change<String> description,
        Change<Map<String, Object>> content,
        Change<String> itemType,
        Change<ItemStatus> status,
        Change<Map<String, Object>> metadata) {

    /** One field's change: absent means keep the current value; present with null means clear. */
    record Change<T>(boolean present, T value) {

        static <T> Change<T> absent() {
            return new Change<>(false, null);
        }

        static <T> Change<T> to(T value) {
            return new Change<>(true, value);
        }
    }

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /** Reads and validates an update body, reporting every invalid field at once. */
    static ItemChanges parse(JsonNode body, JsonMapper jsonMapper) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ItemChanges changes = new ItemChanges(
                requiredText(body, "title", violations),
                optionalText(body, "description", violations),
                optionalObject(body, "content", violations, jsonMapper),
                requiredText(body, "item_type", violations),
                status(body, violations),
                optionalObject(body, "metadata", violations, jsonMapper));
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
        return changes;
    }

    private static Change<String> requiredText(JsonNode body, String field, List<FieldViolation> violations) {
        if (!body.has(field)) {
            return Change.absent();
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            violations.add(new FieldViolation(field, "must not be null"));
            return Change.absent();
        }
        if (!node.isString()) {
            violations.add(new FieldViolation(field, "must be a string"));
            return Change.absent();
        }
        String value = node.asString();
        String problem = switch (field) {
            case "title" -> !value.matches(ItemRules.NOT_BLANK_PATTERN) ? "must not be blank"
                    : value.length() > ItemRules.MAX_TITLE_LENGTH ? "must be at most 200 characters"
                    : NulCharacters.contains(value) ? NulCharacters.MESSAGE : null;
            case "item_type" -> value.matches(ItemRules.ITEM_TYPE_PATTERN) ? null : ItemRules.ITEM_TYPE_MESSAGE;
            default -> null;
        };
        if (problem != null) {
            violations.add(new FieldViolation(field, problem));
            return Change.absent();
        }
        return Change.to(value);
    }

    private static Change<String> optionalText(JsonNode body, String field, List<FieldViolation> violations) {
        if (!body.has(field)) {
            return Change.absent();
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!node.isString()) {
            violations.add(new FieldViolation(field, "must be a string or null"));
            return Change.absent();
        }
        if (node.asString().length() > ItemRules.MAX_DESCRIPTION_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most 10000 characters"));
            return Change.absent();
        }
        if (NulCharacters.contains(node.asString())) {
            violations.add(new FieldViolation(field, NulCharacters.MESSAGE));
            return Change.absent();
        }
        return Change.to(node.asString());
    }

    private static Change<Map<String, Object>> optionalObject(JsonNode body, String field,
            List<FieldViolation> violations, JsonMapper jsonMapper) {
        if (!body.has(field)) {
            return Change.absent();
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!node.isObject()) {
            violations.add(new FieldViolation(field, "must be a JSON object or null"));
            return Change.absent();
        }
        Map<String, Object> value = jsonMapper.convertValue(node, JSON_OBJECT);
        if (NulCharacters.contains(value)) {
            violations.add(new FieldViolation(field, NulCharacters.MESSAGE));
            return Change.absent();
        }
        return Change.to(value);
    }

    private static Change<ItemStatus> status(JsonNode body, List<FieldViolation> violations) {
        Change<String> text = requiredText(body, "status", violations);
        if (!text.present()) {
            return Change.absent();
        }
        return ItemStatus.parse(text.value()).map(Change::to).orElseGet(() -> {
            violations.add(new FieldViolation("status", "must be " + ItemStatus.ALLOWED));
            return Change.absent();
        });
    }
}
