package io.allice.platform.search;

import java.util.List;

import io.allice.platform.auth.UserDeleted;
import io.allice.platform.shared.persistence.AfterCommit;
import io.allice.platform.shared.search.SearchDocumentChanged;
import io.allice.platform.shared.search.SearchDocumentRemoved;
import io.allice.platform.shared.search.SearchDocumentsCreated;
import io.allice.platform.shared.sharing.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code search_documents} in step with the areas' records, in the transaction that changed
 * the record, and updates the engine after that transaction commits.
 */
@Component
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchDocumentStore store;
    private final SearchEngine engine;

    SearchIndexer(SearchDocumentStore store, SearchEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    @EventListener
    @Transactional
    void on(SearchDocumentChanged changed) {
        SearchDocument document = SearchDocument.of(changed);
        store.save(document);
        afterCommit(document.key(), () -> engine.indexed(document));
    }

    @EventListener
    @Transactional
    void on(SearchDocumentsCreated created) {
        List<SearchDocument> documents = created.documents().stream().map(SearchDocument::of).toList();
        store.insertAll(documents);
        afterCommit(documents.size() + " new documents", () -> engine.indexedAll(documents));
    }

    @EventListener
    @Transactional
    void on(SearchDocumentRemoved removed) {
        ResourceType type = removed.type();
        store.delete(type, removed.id());
        afterCommit(SearchDocument.keyOf(type, removed.id()), () -> engine.removed(type, removed.id()));
    }

    /** Forgets the documents of a deleted account; the database deleted their rows with it. */
    @EventListener
    void on(UserDeleted deleted) {
        afterCommit("user " + deleted.userId(), () -> engine.removedOwner(deleted.userId()));
    }

    /** Migrations have run by the time the application has started, so the table can be read. */
    @EventListener(ApplicationStartedEvent.class)
    void synchronizeEngine() {
        engine.synchronize();
    }

    /**
     * Runs the engine update once the record is committed. A failure is logged rather than
     * raised, because the caller's change has already succeeded.
     */
    private static void afterCommit(String key, Runnable action) {
        AfterCommit.run(() -> runLogged(key, action));
    }

    private static void runLogged(String key, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // NOTE: the start-up check compares record keys only, so a failed update of an
            // existing document stays stale until the record changes again.
            log.error("Failed to update the search index for {}", key, e);
        }
    }
}
