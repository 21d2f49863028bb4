package io.allice.platform.collaboration;

import io.swagger.v3.oas.annotations.media.Schema;

/** One of the caller's rooms, for {@code GET /api/chat/rooms}. */
record ChatRoomSummary(
        @Schema(example = "room-123") String roomId,
        @Schema(example = "1") long ownerId,
        @Schema(example = "owner", allowableValues = {"owner", "member"}) String role,
        @Schema(nullable = true) ChatMessageView lastMessage,
        @Schema(description = "Messages from others newer than the caller last read", example = "3") long unreadCount) {
}
