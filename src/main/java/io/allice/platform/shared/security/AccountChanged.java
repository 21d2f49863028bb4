package io.allice.platform.shared.security;

/**
 * Published when an account's role or standing changed, so that every instance reloads the
 * cached caller before it authenticates the account's next request.
 */
public record AccountChanged(long userId) {
}
