package io.allice.platform.collaboration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/collab/share}. */
record CreateShare(
        @Schema(example = "item", allowableValues = {"item", "media", "file", "chat_room"})
        @NotNull(message = "is required") String resourceType,
        @Schema(description = "The record's id; for a chat room, its room_id", example = "1")
        @NotNull(message = "is required") Object resourceId,
        @Schema(description = "The user to share with, or null for a public link", nullable = true)
        Long sharedWithUserId,
        @Schema(example = "view", allowableValues = {"view", "edit"}, defaultValue = "view",
                description = "edit is possible for items and chat rooms only")
        String permission,
        @Schema(example = "7", minimum = "1", maximum = "365", nullable = true,
                description = "Days until the share expires, or null for never")
        Integer expiresInDays) {
}
