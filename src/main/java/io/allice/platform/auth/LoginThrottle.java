package io.allice.platform.auth;

/**
 * Counts failed logins per key (an account or a client address) in a fixed window that starts
 * with the first failure.
 */
interface LoginThrottle {

    /** Returns how many seconds the key must wait, or 0 when it may try now. */
    long secondsUntilAllowed(String key, int maxFailures);

    void recordFailure(String key);

    void reset(String key);
}
