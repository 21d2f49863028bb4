package io.allice.platform.integrations.connector;

import java.util.Optional;

/** The source of the account's access token for a {@link ServiceClient}. */
public interface AccessTokenSource {

    /** The access token to send now; refreshed first when it is known to have expired. */
    String current();

    /**
     * Obtains a new access token after the service responded with 401, with the refresh token where
     * the service supports refreshing, and keeps it for later calls.
     *
     * @return the new token, or empty when no refresh is possible
     */
    Optional<String> refresh();

    /** Returns a fixed token that cannot be refreshed, as for a personal access token. */
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
