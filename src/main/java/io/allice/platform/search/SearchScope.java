package io.allice.platform.search;

import java.util.Map;
import java.util.Set;

import io.allice.platform.shared.sharing.ResourceType;

/**
 * The records a caller may find: their own, and those shared with them.
 *
 * @param type the only type to return, or {@code null} for all
 */
record SearchScope(long ownerId, Map<ResourceType, Set<Long>> shared, ResourceType type) {

    /** Returns the shared ids of a searchable type that the type filter lets through. */
    Set<Long> sharedIds(ResourceType resourceType) {
        if (type != null && type != resourceType) {
            return Set.of();
        }
        return shared.getOrDefault(resourceType, Set.of());
    }
}
