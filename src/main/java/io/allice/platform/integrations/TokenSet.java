package io.allice.platform.integrations;

import java.time.Instant;

/**
 * Tokens of one connected account, in clear; they live only in memory and are encrypted
 * before they are stored.
 *
 * @param accessToken the token sent to the service
 * @param refreshToken the token that obtains a new access token, or null
 * @param expiresAt when the access token expires, or null when the service did not say
 */
record TokenSet(String accessToken, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "TokenSet[accessToken=<hidden>, refreshToken=" + (refreshToken == null ? "none" : "<hidden>")
                + ", expiresAt=" + expiresAt + "]";
    }
}
