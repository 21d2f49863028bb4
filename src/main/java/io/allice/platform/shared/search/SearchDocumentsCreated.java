package io.allice.platform.shared.search;

import java.util.List;

/**
 * Published, inside its transaction, by an area that created several searchable records at
 * once. Search stores their documents with one batch of inserts, where one
 * {@link SearchDocumentChanged} per record would first look for an existing document of each.
 */
public record SearchDocumentsCreated(List<SearchDocumentChanged> documents) {

    public SearchDocumentsCreated {
        documents = List.copyOf(documents);
    }
}
