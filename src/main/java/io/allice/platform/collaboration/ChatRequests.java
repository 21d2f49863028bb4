package io.allice.platform.collaboration;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the chat endpoints. */
final class ChatRequests {

    private ChatRequests() {
    }

    record SendMessage(
            @Schema(example = "room-123") @NotNull(message = "is required")
            @Pattern(regexp = ChatRules.ROOM_ID_PATTERN, message = ChatRules.ROOM_ID_MESSAGE) String roomId,
            @Schema(example = "Hello!", maxLength = ChatRules.MAX_MESSAGE_LENGTH) @NotNull(message = "is required")
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            @Size(max = ChatRules.MAX_MESSAGE_LENGTH, message = "must be at most 5000 characters") String message,
            @Schema(example = "text", allowableValues = {"text", "file", "image"}, defaultValue = "text")
            String messageType,
            @Schema(description = "Any JSON object") Map<String, Object> metadata) {
    }

    record EditMessage(
            @Schema(example = "Hello again!") @NotNull(message = "is required")
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            @Size(max = ChatRules.MAX_MESSAGE_LENGTH, message = "must be at most 5000 characters") String message) {
    }

    record AddMember(@Schema(example = "2") @NotNull(message = "is required") @Positive(message = "must be positive")
            Long userId) {
    }
}
