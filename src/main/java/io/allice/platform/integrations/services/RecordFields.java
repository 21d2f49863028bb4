package io.allice.platform.integrations.services;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Reads optional fields of a service's JSON, where a missing or malformed field is null. */
final class RecordFields {

    private RecordFields() {
    }

    /** Returns the field's string value, or null when it is missing, not a string or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            return null;
        }
        return value.stringValue();
    }

    /** Returns the first non-blank string among the fields, or null when none contains one. */
    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Parses the field as an ISO-8601 instant, or returns null when it is missing or not a valid time. */
    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
