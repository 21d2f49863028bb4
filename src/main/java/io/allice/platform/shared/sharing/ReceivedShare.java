package io.allice.platform.shared.sharing;

import java.time.Instant;

/** A record that an unexpired share grants one user, and when it was shared with them. */
public record ReceivedShare(ResourceType type, long resourceId, Instant sharedAt) {
}
