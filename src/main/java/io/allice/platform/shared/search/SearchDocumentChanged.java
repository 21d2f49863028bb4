package io.allice.platform.shared.search;

import java.time.Instant;
import java.util.List;

import io.allice.platform.shared.sharing.ResourceType;

/**
 * Published, inside its transaction, by the area that created or changed a searchable record,
 * so that search indexes the record's current text. A later event for the same record replaces
 * the earlier one.
 *
 * @param title the record's title; for files and media the original file name
 * @param description the record's description, or {@code null}
 * @param body further text to match with the lowest weight (an item's content, a file's tags), or {@code null}
 * @param tags the record's tags, matched like its body; empty when it has none
 * @param kind the item type of an item, which recommendations compare; {@code null} for files and media
 * @param publishedAt when a published item was published; {@code null} for any other record
 */
public record SearchDocumentChanged(ResourceType type, long id, long ownerId, String title, String description,
        String body, List<String> tags, Instant createdAt, String kind, Instant publishedAt) {

    public SearchDocumentChanged {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A record without a kind that is never published: a file or media. */
    public SearchDocumentChanged(ResourceType type, long id, long ownerId, String title, String description,
            String body, List<String> tags, Instant createdAt) {
        this(type, id, ownerId, title, description, body, tags, createdAt, null, null);
    }
}
