package io.allice.platform.content;

import java.util.Map;

/**
 * A record of another service to store as an item of its owner, for {@link ItemImports}.
 *
 * @param itemType the item type, such as {@code github_repository}; 1 to 50 letters, digits, '_', '.' or '-'
 * @param sourceId the other service's stable id of the record, at most 255 characters. With the
 *        owner and the type, it identifies the item across syncs
 * @param title the item title; cut to 200 characters, and the source id when blank
 * @param description the item description or null; cut to 10,000 characters
 * @param content the service's fields, stored as the item's content
 * @param metadata where the record came from (service, source id, link, sync time)
 */
public record ImportedItem(String itemType, String sourceId, String title, String description,
        Map<String, Object> content, Map<String, Object> metadata) {
}
