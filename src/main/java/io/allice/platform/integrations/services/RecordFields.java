package io.allice.platform.integrations.services;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Reads the loosely typed fields of service JSON into the values an imported record needs. */
final class RecordFields {

    private RecordFields() {
    }

    /** Returns the field as a string, or null when it is missing, JSON null, not a string or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            return null;
        }
        return value.asString();
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

    /** Returns the field as a string, numbers included, or null when it is missing or empty. */
    static String id(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asString();
        }
        return text(node, field);
    }

    /**
     * Returns the field as an instant, or null when it is missing or not an ISO-8601 date-time with an
     * offset, such as {@code 2024-01-01T00:00:00Z} or {@code 2024-01-01T00:00:00.000+02:00}.
     */
    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Returns the later of two instants, either of which may be null. */
    static Instant latest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return first.isAfter(second) ? first : second;
    }
}
