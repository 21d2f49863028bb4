package io.allice.platform.collaboration;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** A chat message as the API and the real-time events return it. */
record ChatMessageView(
        @Schema(example = "1") long id,
        @Schema(example = "room-123") String roomId,
        @Schema(example = "1") long userId,
        @Schema(example = "alice") String username,
        @Schema(example = "Hello!") String message,
        @Schema(example = "text", allowableValues = {"text", "file", "image", "system"}) String messageType,
        Map<String, Object> metadata,
        @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt,
        @Schema(nullable = true) Instant editedAt,
        @Schema(nullable = true, description = "Set when the sender deleted the message; its text is then empty")
        Instant deletedAt) {

    static ChatMessageView of(ChatMessage message, String roomKey, String username) {
        return new ChatMessageView(message.id(), roomKey, message.userId(), username, message.message(),
                message.messageType(), message.metadata(), message.createdAt(), message.editedAt(), message.deletedAt());
    }
}
