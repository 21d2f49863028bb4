package io.allice.platform.search;

import io.allice.platform.shared.search.SearchDocumentChanged;
import io.allice.platform.shared.search.SearchDocumentRemoved;
import io.allice.platform.shared.sharing.ResourceType;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code search_documents} in step with the areas' records, in the transaction that changed
 * the record, and updates the engine after that transaction commits.
 */
@Component
class SearchIndexer {

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
        afterCommit(() -> engine.indexed(document));
    }

    @EventListener
    @Transactional
    void on(SearchDocumentRemoved removed) {
        ResourceType type = removed.type();
        store.delete(type, removed.id());
        afterCommit(() -> engine.removed(type, removed.id()));
    }

    /** Migrations have run by the time the application has started, so the table can be read. */
    @EventListener(ApplicationStartedEvent.class)
    void synchronizeEngine() {
        engine.synchronize();
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
