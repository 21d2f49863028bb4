package io.allice.platform.search;

import java.time.Instant;
import java.util.List;

import io.allice.platform.shared.search.SearchDocumentChanged;
import io.allice.platform.shared.sharing.ResourceType;

/**
 * One searchable record's text, as stored in {@code search_documents}: what results show, the
 * folded words that the engines match, and what recommendations compare.
 *
 * @param kind an item's item type, {@code null} for files and media
 * @param tags the record's tags as the owner wrote them, empty when it has none
 * @param publishedAt when a published item was published, otherwise {@code null}
 */
record SearchDocument(ResourceType type, long id, long ownerId, String title, String description, String body,
        Instant createdAt, String kind, List<String> tags, Instant publishedAt) {

    SearchDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * Text beyond this many characters of a description or body is neither stored nor matched, so
     * one large item cannot exceed PostgreSQL's 1 MB limit of a text-search vector.
     */
    static final int MAX_TEXT_LENGTH = 50_000;

    static SearchDocument of(SearchDocumentChanged changed) {
        String body = changed.body() == null ? "" : changed.body().strip();
        List<String> tags = changed.tags();
        if (!tags.isEmpty()) {
            body = body.isEmpty() ? String.join(", ", tags) : body + "\n" + String.join(", ", tags);
        }
        return new SearchDocument(changed.type(), changed.id(), changed.ownerId(), changed.title(),
                limit(changed.description()), body.isEmpty() ? null : limit(body), changed.createdAt(),
                changed.kind(), tags, changed.publishedAt());
    }

    String key() {
        return keyOf(type, id);
    }

    static String keyOf(ResourceType type, long id) {
        return type.wireName() + ":" + id;
    }

    String titleTerms() {
        return SearchText.fold(title);
    }

    String descriptionTerms() {
        return SearchText.fold(description);
    }

    String bodyTerms() {
        return SearchText.fold(body);
    }

    private static String limit(String text) {
        if (text == null || text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_TEXT_LENGTH);
    }
}
