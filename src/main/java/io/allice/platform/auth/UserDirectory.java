package io.allice.platform.auth;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read access to accounts for other areas: who exists, and how to reach them. */
public interface UserDirectory {

    /** Returns the account's public contact details, or empty when no account has the id. */
    Optional<UserContact> findContact(long userId);

    /** Returns the usernames of the accounts that exist among the ids, in one query. */
    Map<Long, String> findUsernames(Collection<Long> userIds);

    /** An account as other areas may see it. The e-mail address is for sending mail, never for display to others. */
    record UserContact(long id, String username, String email) {
    }
}
