package io.allice.platform.search;

import java.util.List;

import io.allice.platform.shared.sharing.ResourceType;

/**
 * The port to a full-text engine. {@link SearchDocumentStore} keeps the documents, and an engine
 * matches and ranks them. Every engine scores in layers, so that scores compare within one
 * response. A document with every query word gets 1, one with every quoted phrase 1 more, and
 * each adds a relevance below 1 that weights title over description over body.
 */
interface SearchEngine {

    /** Brings the engine up to date with a document that was saved in a committed transaction. */
    void indexed(SearchDocument document);

    /** Brings the engine up to date with documents that were saved in one committed transaction. */
    default void indexedAll(List<SearchDocument> documents) {
        documents.forEach(this::indexed);
    }

    /** Forgets a document that was deleted in a committed transaction. */
    void removed(ResourceType type, long id);

    /** Forgets every document of a deleted account, whose rows the database deleted along with it. */
    void removedOwner(long ownerId);

    /** Rebuilds the engine's own index when its records differ from the store's. Called at start-up. */
    void synchronize();

    /** Returns up to {@code limit} documents in scope that match, best first. */
    List<ScoredDocument> search(SearchQuery query, SearchScope scope, int limit);

    record ScoredDocument(SearchDocument document, double score) {
    }
}
