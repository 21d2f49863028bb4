package io.allice.platform.shared.search;

import io.allice.platform.shared.sharing.ResourceType;

/** Published, inside its transaction, by the area that deleted a searchable record. */
public record SearchDocumentRemoved(ResourceType type, long id) {
}
