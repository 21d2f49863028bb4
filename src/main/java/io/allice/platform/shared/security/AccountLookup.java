package io.allice.platform.shared.security;

import java.util.Optional;

/** Finds the account behind a token's subject. The accounts area implements it. */
public interface AccountLookup {

    /** Returns the account, or empty when it no longer exists. */
    Optional<AuthenticatedUser> findById(long userId);
}
