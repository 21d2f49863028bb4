package io.allice.platform.shared.search;

import java.time.Instant;

import io.allice.platform.shared.sharing.ResourceType;

/**
 * Published by the area that returned one record, or its content, to a user who asked for it by
 * id and may read it. List responses publish nothing. Search uses it to leave records the user
 * opened recently out of their recommendations; listeners must not block, because it is
 * published on the request thread.
 */
public record ResourceViewed(long userId, ResourceType type, long id, Instant viewedAt) {
}
