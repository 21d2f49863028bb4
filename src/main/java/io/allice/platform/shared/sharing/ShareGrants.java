package io.allice.platform.shared.sharing;

import java.util.Optional;

/**
 * The access to other users' records that shares grant a user. The collaboration area
 * implements it, and the areas that own records check it before they return 404 to a non-owner.
 */
public interface ShareGrants {

    /** Returns the strongest unexpired permission shared with the user for the record, if any. */
    Optional<SharePermission> grantedTo(long userId, ResourceType type, long resourceId);
}
