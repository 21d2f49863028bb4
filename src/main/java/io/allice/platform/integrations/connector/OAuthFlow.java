package io.allice.platform.integrations.connector;

import java.util.List;
import java.util.Map;

/**
 * A service's OAuth 2.0 authorisation-code flow. The URLs are the service's public defaults;
 * {@code ALLICE_INTEGRATIONS_<SERVICE>_AUTHORIZE_URL} and {@code ..._TOKEN_URL} override them.
 *
 * @param authorizeUrl where the user's browser is sent to grant access
 * @param tokenUrl where the code, and later the refresh token, is exchanged for tokens
 * @param scopes the scopes the sync needs
 * @param scopeSeparator how the service joins scopes in the {@code scope} parameter
 * @param pkce whether the service accepts PKCE with S256
 * @param clientAuthentication how the client id and secret travel to the token endpoint
 * @param extraAuthorizeParameters further parameters, such as {@code access_type=offline}
 *        that makes Google return a refresh token
 */
public record OAuthFlow(
        String authorizeUrl,
        String tokenUrl,
        List<String> scopes,
        String scopeSeparator,
        boolean pkce,
        ClientAuthentication clientAuthentication,
        Map<String, String> extraAuthorizeParameters) {

    public OAuthFlow {
        scopes = List.copyOf(scopes);
        extraAuthorizeParameters = Map.copyOf(extraAuthorizeParameters);
    }

    public enum ClientAuthentication {
        /** HTTP Basic with the client id and secret, as RFC 6749 prefers. */
        BASIC,
        /** {@code client_id} and {@code client_secret} in the form body. */
        FORM
    }
}
