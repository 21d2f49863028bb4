package io.allice.platform.shared.sharing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access to other users' records that shares grant a user. The collaboration area
 * implements it, and the areas that own records check it before they return 404 to a non-owner.
 */
public interface ShareGrants {

    /** Returns the strongest unexpired permission shared with the user for the record, if any. */
    Optional<SharePermission> grantedTo(long userId, ResourceType type, long resourceId);

    /**
     * Returns the ids of the records that unexpired shares grant the user, by type. Types with no
     * shared record are absent. Public links are not included, because they name no user.
     */
    Map<ResourceType, Set<Long>> resourcesSharedWith(long userId);

    /**
     * Returns the records that unexpired shares grant the user, newest share first. Public links
     * are not included, because they name no user.
     */
    List<ReceivedShare> sharesReceivedBy(long userId);
}
