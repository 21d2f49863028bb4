package io.allice.platform.integrations.connector;

import java.util.Map;
import java.util.Optional;

/**
 * Calls to one service on behalf of one connected account. Each call carries the account's
 * token, waits out the service's rate limits (429 with {@code Retry-After} or reset headers)
 * a bounded number of times, and refreshes an expired token once where the service allows.
 * A {@code url} starting with {@code /} is relative to the configured base URL; any other is
 * used as it is (pagination links, a token endpoint on another host).
 *
 * <p>A 401 that survives the refresh throws {@link TokenRejectedException}; any other status of
 * 400 or more throws {@link ServiceCallException} carrying the service's own message.
 */
public interface ServiceClient {

    ServiceName service();

    /** The configured base URL, without a trailing slash. */
    String baseUrl();

    ServiceResponse get(String url, Map<String, String> query);

    ServiceResponse postJson(String url, Object body);

    ServiceResponse postForm(String url, Map<String, String> form);

    ServiceResponse delete(String url);

    /** The current access token, for the few APIs that want it in a body (revocation). */
    String accessToken();

    /** The OAuth client id and secret when both are configured for this service. */
    Optional<ClientCredentials> clientCredentials();

    record ClientCredentials(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=<hidden>]";
        }
    }
}
