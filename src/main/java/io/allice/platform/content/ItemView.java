package io.allice.platform.content;

import java.time.Instant;

import io.allice.platform.shared.json.StoredJson;
import io.swagger.v3.oas.annotations.media.Schema;

/** An item as the API returns it. */
record ItemView(
        @Schema(example = "1") long id,
        @Schema(example = "My first post") String title,
        @Schema(example = "A short summary") String description,
        @Schema(type = "object", description = "Any JSON object, or null once cleared") StoredJson content,
        @Schema(example = "post") String itemType,
        @Schema(example = "published") ItemStatus status,
        @Schema(example = "1") long userId,
        @Schema(type = "object", description = "Any JSON object, or null once cleared") StoredJson metadata,
        @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt,
        @Schema(example = "2024-01-01T00:00:00Z") Instant updatedAt,
        @Schema(example = "2024-01-01T00:00:00Z") Instant publishedAt) {

    static ItemView of(Item item) {
        return new ItemView(item.id(), item.title(), item.description(), StoredJson.of(item.content()),
                item.itemType(), item.status(), item.userId(), StoredJson.of(item.metadata()), item.createdAt(),
                item.updatedAt(), item.publishedAt());
    }
}
