package io.allice.platform.shared.security;

import java.time.Instant;

/**
 * The access tokens that were signed out before they expired, by their {@code jti}. An
 * implementation must be shared by every instance of the service (database or Redis).
 */
public interface TokenRevocations {

    void revoke(String tokenId, long userId, Instant expiresAt);

    boolean isRevoked(String tokenId);
}
