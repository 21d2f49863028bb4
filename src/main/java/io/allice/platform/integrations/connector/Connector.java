package io.allice.platform.integrations.connector;

import java.util.Map;
import java.util.Optional;

/**
 * One external service. A connector contains the service's endpoints and JSON shapes and nothing
 * else: the area gives it a {@link ServiceClient} that already carries the user's token, waits
 * out rate limits and refreshes expired tokens, and it stores what the connector hands to the
 * {@link RecordSink}. Implementations are Spring beans, one per {@link ServiceName}.
 */
public interface Connector {

    ServiceName service();

    /** The API base used when {@code ALLICE_INTEGRATIONS_<SERVICE>_BASE_URL} is not set. */
    String defaultBaseUrl();

    /** The OAuth 2.0 authorisation-code flow, or empty for a service without one. */
    Optional<OAuthFlow> oauth();

    /**
     * Checks the token with the service's cheapest identity call.
     *
     * @return the account name the service reports (a login, an e-mail address, a team name)
     * @throws TokenRejectedException when the service rejects the token
     * @throws ServiceCallException when the service fails in any other way
     */
    String identify(ServiceClient client);

    /**
     * Reads the user's data from the service and passes each record to the sink, following
     * the service's pagination to the end.
     *
     * @return the cursor to pass to the next incremental sync (for example a delta link or the
     *         newest id seen); empty when the service offers none
     */
    Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink);

    /**
     * Revokes the token at the service, for services that offer revocation. Called when the
     * user disconnects; a failure is logged and does not stop the disconnection.
     */
    default void revoke(ServiceClient client) {
    }

    /** Headers every call to this service carries besides Authorization, such as an API version. */
    default Map<String, String> defaultHeaders() {
        return Map.of("Accept", "application/json");
    }

    /** Returns the Authorization header value for an access token. */
    default String authorization(String accessToken) {
        return "Bearer " + accessToken;
    }
}
