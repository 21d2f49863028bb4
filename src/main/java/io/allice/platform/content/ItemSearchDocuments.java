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
        return of(item.id(), item.userId(), item.title(), item.description(), item.content(), item.itemType(),
                item.status(), item.createdAt(), item.publishedAt());
    }

    static SearchDocumentChanged of(long id, NewItem item) {
        return of(id, item.userId(), item.title(), item.description(), item.content(), item.itemType(),
                item.status(), item.createdAt(), item.publishedAt());
    }

    private static SearchDocumentChanged of(long id, long userId, String title, String description,
            Map<String, Object> content, String itemType, ItemStatus status, Instant createdAt, Instant publishedAt) {
        StringBuilder body = new StringBuilder();
        appendText(content, body);
        // An archived item keeps its publishing time but is no longer published.
        Instant shownPublishedAt = status == ItemStatus.PUBLISHED ? publishedAt : null;
        return new SearchDocumentChanged(ResourceType.ITEM, id, userId, title, description, body.toString(),
                List.of(), createdAt, itemType, shownPublishedAt);
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
