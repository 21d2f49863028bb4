package io.allice.platform.shared.sharing;

import java.util.Optional;

/**
 * What other users' records a user may reach through shares. The collaboration area
 * implements it; the areas that own records ask it before they answer 404 to a non-owner.
 */
public interface ShareGrants {

    /** Returns the strongest unexpired permission shared with the user for the record, if any. */
    Optional<SharePermission> grantedTo(long userId, ResourceType type, long resourceId);
}
