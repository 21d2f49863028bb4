package io.allice.platform.shared.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of an update (PUT) field by field, so that a missing field differs from an
 * explicit null. A record bound by Jackson cannot tell the two apart: both arrive as null, and
 * a client could then never clear an optional field.
 * <p>
 * Each reader returns {@link FieldChange#absent()} for a missing or invalid field and collects
 * the problem, and {@link #validated()} reports every invalid field in one 400 response.
 * A {@code check} function returns the problem with a value, or null when the value is fine.
 */
public final class UpdateBody {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JsonNode body;
    private final List<FieldViolation> violations = new ArrayList<>();

    private UpdateBody(JsonNode body) {
        this.body = body;
    }

    /** Starts reading {@code body}. Anything other than a JSON object is a 400. */
    public static UpdateBody of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return new UpdateBody(body);
    }

    /** Reads a text field that cannot be cleared, so null is a 400 naming the field. */
    public FieldChange<String> requiredText(String field, UnaryOperator<String> check) {
        return text(field, false, check);
    }

    /** Reads a text field that null clears. */
    public FieldChange<String> optionalText(String field, UnaryOperator<String> check) {
        return text(field, true, check);
    }

    /** Reads a true/false field that cannot be cleared. */
    public FieldChange<Boolean> requiredBoolean(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return FieldChange.absent();
        }
        if (!node.isBoolean()) {
            return invalid(field, node.isNull() ? "must not be null" : "must be true or false");
        }
        return FieldChange.to(node.booleanValue());
    }

    /** Reads a JSON object field that null clears. */
    public FieldChange<Map<String, Object>> optionalObject(String field, JsonMapper jsonMapper) {
        JsonNode node = body.get(field);
        if (node == null) {
            return FieldChange.absent();
        }
        if (node.isNull()) {
            return FieldChange.to(null);
        }
        if (!node.isObject()) {
            return invalid(field, "must be a JSON object or null");
        }
        Map<String, Object> value = jsonMapper.convertValue(node, JSON_OBJECT);
        if (UnstorableCharacters.contains(value)) {
            return invalid(field, UnstorableCharacters.MESSAGE);
        }
        return FieldChange.to(value);
    }

    /** Records a problem found by the caller's own reading of {@code field}. */
    public <T> FieldChange<T> invalid(String field, String message) {
        violations.add(new FieldViolation(field, message));
        return FieldChange.absent();
    }

    /** Throws one 400 that lists every invalid field read so far. */
    public void validated() {
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
    }

    private FieldChange<String> text(String field, boolean nullable, UnaryOperator<String> check) {
        JsonNode node = body.get(field);
        if (node == null) {
            return FieldChange.absent();
        }
        if (node.isNull()) {
            return nullable ? FieldChange.to(null) : invalid(field, "must not be null");
        }
        if (!node.isString()) {
            return invalid(field, nullable ? "must be a string or null" : "must be a string");
        }
        String value = node.asString();
        String problem = UnstorableCharacters.contains(value) ? UnstorableCharacters.MESSAGE : check.apply(value);
        return problem == null ? FieldChange.to(value) : invalid(field, problem);
    }
}
