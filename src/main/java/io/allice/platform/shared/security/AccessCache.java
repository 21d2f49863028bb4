package io.allice.platform.shared.security;

import java.util.Optional;

import io.allice.platform.shared.cache.CacheInvalidations;
import io.allice.platform.shared.cache.InvalidatedCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What authenticating a request needs from storage, cached so that a request with a known token
 * makes no database or Redis round trip: the caller's account (id, username, role) and whether
 * the token was signed out.
 *
 * <p>Why this design: the account is cached rather than copied into the token, so a role change
 * applies to tokens already issued, exactly as when every request read the account, and signing
 * out one token leaves the account's other tokens valid. Every change that ends or alters access
 * ({@link AccessEnded}, {@link AccountChanged}) drops the entry after its transaction commits, on
 * this instance at once and on the others through {@link CacheInvalidations}; the next request
 * loads it again. Entries are loaded on first use, so a restart needs no warm-up and an evicted
 * entry costs one query.
 */
@Component
class AccessCache {

    /** Enough for the active accounts and tokens of a large instance, at roughly 200 bytes an entry. */
    private static final long MAXIMUM_ENTRIES = 100_000;

    private final AccountLookup accountLookup;
    private final TokenRevocations revocations;
    private final InvalidatedCache<Long, Optional<AuthenticatedUser>> accounts;
    private final InvalidatedCache<String, Boolean> revokedTokens;

    AccessCache(AccountLookup accountLookup, TokenRevocations revocations, CacheInvalidations invalidations) {
        this.accountLookup = accountLookup;
        this.revocations = revocations;
        this.accounts = new InvalidatedCache<>("security.accounts", MAXIMUM_ENTRIES, Long::valueOf, invalidations);
        this.revokedTokens = new InvalidatedCache<>("security.revoked-tokens", MAXIMUM_ENTRIES, key -> key,
                invalidations);
    }

    /** Returns the account, or empty when it no longer exists. */
    Optional<AuthenticatedUser> account(long userId) {
        return accounts.get(userId, accountLookup::findById);
    }

    /** Returns whether the token was signed out; a token without an id is rejected elsewhere, so it is not. */
    boolean isRevoked(String tokenId) {
        if (tokenId == null) {
            return false;
        }
        return revokedTokens.get(tokenId, revocations::isRevoked);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccessEnded ended) {
        if (ended.tokenId() != null) {
            revokedTokens.invalidate(ended.tokenId());
        } else {
            accounts.invalidate(ended.userId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccountChanged changed) {
        accounts.invalidate(changed.userId());
    }
}
