package io.allice.platform.collaboration;

import java.time.Instant;

import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.SharePermission;
import io.swagger.v3.oas.annotations.media.Schema;

/** A share as its owner sees it. Token and URL are set for public links only. */
record ShareView(
        @Schema(example = "1") long id,
        @Schema(example = "item") ResourceType resourceType,
        @Schema(example = "1", description = "The record's id; for a chat room, its room_id") Object resourceId,
        @Schema(nullable = true) Long sharedWithUserId,
        @Schema(example = "view") SharePermission permission,
        @Schema(nullable = true, example = "0b0c9e8e-8d4f-4f43-9d7e-2f7f3f1b6c11") String shareToken,
        @Schema(nullable = true, example = "http://localhost:8080/shared/0b0c9e8e-8d4f-4f43-9d7e-2f7f3f1b6c11")
        String shareUrl,
        @Schema(nullable = true) Instant expiresAt,
        Instant createdAt,
        boolean expired) {
}
