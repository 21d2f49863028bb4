package io.allice.platform.integrations.connector;

import java.util.Optional;

/** Where a {@link ServiceClient} takes the account's access token from. */
public interface AccessTokenSource {

    /** The access token to send now; refreshed first when it is known to have expired. */
    String current();

    /**
     * Obtains a new access token after the service answered 401, with the refresh token where
     * the service supports refreshing, and keeps it for later calls.
     *
     * @return the new token, or empty when no refresh is possible
     */
    Optional<String> refresh();

    /** A fixed token that cannot be refreshed, as for a personal access token. */
    static AccessTokenSource fixed(String token) {
        return new AccessTokenSource() {
            @Override
            public String current() {
                return token;
            }

            @Override
            public Optional<String> refresh() {
                return Optional.empty();
            }
        };
    }
}
