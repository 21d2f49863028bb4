package io.allice.platform.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.search.SearchDocumentChanged;
import io.allice.platform.shared.sharing.ResourceType;

/** Builds the text that search indexes for an item. */
final class ItemSearchDocuments {

    private ItemSearchDocuments() {
    }

    static SearchDocumentChanged of(Item item) {
        StringBuilder body = new StringBuilder();
        appendText(item.content(), body);
        // An archived item keeps its publishing time but is no longer published.
        Instant publishedAt = item.status() == ItemStatus.PUBLISHED ? item.publishedAt() : null;
        return new SearchDocumentChanged(ResourceType.ITEM, item.id(), item.userId(), item.title(), item.description(),
                body.toString(), List.of(), item.createdAt(), item.itemType(), publishedAt);
    }

    /** Appends every string value inside the JSON content, one per line; keys and numbers are not text. */
    private static void appendText(Object value, StringBuilder body) {
        switch (value) {
            case String text -> body.append(text).append('\n');
            case Map<?, ?> object -> object.values().forEach(child -> appendText(child, body));
            case Collection<?> array -> array.forEach(child -> appendText(child, body));
            case null, default -> {
            }
        }
    }
}
