package io.allice.platform.integrations.connector;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One record read from a service, which becomes (or updates) one item of the syncing user with
 * {@code item_type} {@code <service>_<kind>}.
 *
 * @param kind what the record is, such as {@code repository} or {@code file}
 * @param sourceId the service's stable id of the record; a later sync with the same id updates
 *        the item instead of adding one
 * @param title a short name for the item
 * @param description a longer text, or null
 * @param content the service's own fields, stored as the item's content
 * @param link the record's address on the service, or null
 * @param updatedAt when the service last changed the record, or null if it does not say
 */
public record ImportedRecord(
        String kind,
        String sourceId,
        String title,
        String description,
        JsonNode content,
        String link,
        Instant updatedAt) {
}
