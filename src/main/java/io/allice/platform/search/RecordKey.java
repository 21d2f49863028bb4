package io.allice.platform.search;

import io.allice.platform.shared.sharing.ResourceType;

/** An item, media or file, by type and id. */
record RecordKey(ResourceType type, long id) {

    static RecordKey of(SearchDocument document) {
        return new RecordKey(document.type(), document.id());
    }
}
