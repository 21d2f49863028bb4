package io.allice.platform.shared.ratelimit;

/**
 * Looks up the tier of a signed-in caller. The rate-limit filter calls it on every
 * authenticated request, so an implementation must read it from an indexed query or a cache.
 */
@FunctionalInterface
public interface RateLimitTiers {

    RateLimitTier tierOf(long userId);
}
