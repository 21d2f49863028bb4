package io.allice.platform.content;

import java.time.Instant;
import java.util.Map;

/**
 * An item that a request creates, with every column but its id decided.
 *
 * @param content the content object, never null
 * @param metadata the metadata object, never null
 * @param publishedAt the creation time when the item starts published, otherwise null
 */
record NewItem(long userId, String title, String description, Map<String, Object> content, String itemType,
        ItemStatus status, Map<String, Object> metadata, Instant createdAt, Instant publishedAt) {
}
