package io.allice.platform.shared.security;

/**
 * Published when access ends before tokens expire: one token signed out ({@code tokenId}), or
 * every token of a deleted account ({@code tokenId} null). Open real-time connections that
 * were authenticated with such a token are closed.
 */
public record AccessEnded(String tokenId, long userId) {

    public static AccessEnded tokenRevoked(String tokenId, long userId) {
        return new AccessEnded(tokenId, userId);
    }

    public static AccessEnded accountDeleted(long userId) {
        return new AccessEnded(null, userId);
    }
}
