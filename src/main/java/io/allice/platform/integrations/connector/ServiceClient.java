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

    /**
     * Posts JSON to an endpoint that only reads, such as Dropbox's listing calls, so that a 5xx
     * is retried as for a GET.
     */
    ServiceResponse postJsonRead(String url, Object body);

    ServiceResponse postForm(String url, Map<String, String> form);

    ServiceResponse delete(String url);

    /**
     * Sends any request, for the few calls the methods above do not cover, such as a DELETE with
     * a body. {@code headers} replace the defaults of the same name. An {@code Authorization}
     * header among them replaces the account's token (for client-credential calls such as token
     * revocation); a 401 to such a call is not retried with a refreshed token and throws
     * {@link ServiceCallException}.
     *
     * @param jsonBody written as JSON with {@code Content-Type: application/json}; null for no body
     */
    default ServiceResponse send(String method, String url, Object jsonBody, Map<String, String> headers) {
        throw new UnsupportedOperationException("This client cannot send custom requests");
    }

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
