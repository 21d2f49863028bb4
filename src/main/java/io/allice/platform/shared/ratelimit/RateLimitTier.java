package io.allice.platform.shared.ratelimit;

/** The plan a caller's requests are limited by. */
public enum RateLimitTier {
    /** No active or trialing subscription. */
    FREE,
    /** An active or trialing subscription. */
    PRO
}
