package io.allice.platform.collaboration;

import java.time.Instant;

import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.SharePermission;

/** A record someone shared with the caller, and how to reach it. */
record SharedWithMeView(
        long shareId,
        ResourceType resourceType,
        Object resourceId,
        SharePermission permission,
        long ownerId,
        String ownerUsername,
        Instant expiresAt,
        Instant createdAt) {
}
