package io.allice.platform.integrations;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient.ClientCredentials;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.ServiceName;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls a service's OAuth 2.0 token endpoint (RFC 6749, section 4.1.3 and 6): exchanges an
 * authorisation code, or a refresh token, for tokens.
 */
@Component
class OAuthTokenEndpoint {

    private final ObjectProvider<HttpClient> http;
    private final IntegrationProperties properties;
    private final Clock clock;

    OAuthTokenEndpoint(ObjectProvider<HttpClient> integrationHttpClient, IntegrationProperties properties, Clock clock) {
        this.http = integrationHttpClient;
        this.properties = properties;
        this.clock = clock;
    }

    /** The token endpoint rejected the code or refresh token (an OAuth error such as {@code invalid_grant}). */
    static final class GrantRejectedException extends RuntimeException {

        GrantRejectedException(String message) {
            super(message);
        }
    }

    /**
     * Exchanges an authorisation code.
     *
     * @throws GrantRejectedException when the service rejects the code
     * @throws ServiceCallException when the service cannot be reached or fails
     */
    TokenSet exchangeCode(ServiceName service, OAuthFlow flow, ClientCredentials client, String code,
            String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return request(service, flow, client, form, null);
    }

    /**
     * Obtains a new access token with a refresh token. A response without a new refresh token
     * keeps the old one, as RFC 6749 section 6 allows.
     *
     * @throws GrantRejectedException when the service rejects the refresh token
     * @throws ServiceCallException when the service cannot be reached or fails
     */
    TokenSet refresh(ServiceName service, OAuthFlow flow, ClientCredentials client, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return request(service, flow, client, form, refreshToken);
    }

    private TokenSet request(ServiceName service, OAuthFlow flow, ClientCredentials client, Map<String, String> form,
            String previousRefreshToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri(service, flow))
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "allice-platform");
        if (flow.clientAuthentication() == OAuthFlow.ClientAuthentication.BASIC) {
            // RFC 6749, section 2.3.1: each part is form-encoded before the two are joined.
            String pair = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", client.clientId());
            form.put("client_secret", client.clientSecret());
        }
        request.POST(HttpRequest.BodyPublishers.ofString(ServiceHttp.formEncode(form)));

        HttpResponse<String> response = send(service, request.build());
        JsonNode body = parse(response.body());
        String error = body.path("error").isString() ? body.path("error").asString() : null;
        if (response.statusCode() >= 500) {
            throw new ServiceCallException(service, response.statusCode(), service.displayName()
                    + "'s token endpoint answered " + response.statusCode() + ": "
                    + ServiceHttp.errorMessage(response.body(), response.statusCode()));
        }
        // GitHub responds to a bad code with 200 and an error field, others with 400 or 401.
        if (response.statusCode() >= 400 || error != null || !body.path("access_token").isString()) {
            String description = ServiceHttp.errorMessage(response.body(), response.statusCode());
            throw new GrantRejectedException(error == null || error.equals(description) ? description
                    : error + ": " + description);
        }
        String refreshToken = body.path("refresh_token").isString() ? body.path("refresh_token").asString()
                : previousRefreshToken;
        JsonNode expiresIn = body.path("expires_in");
        return new TokenSet(body.path("access_token").asString(), refreshToken,
                expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                        ? clock.instant().plusSeconds(expiresIn.asLong()) : null);
    }

    private URI tokenUri(ServiceName service, OAuthFlow flow) {
        try {
            return URI.create(flow.tokenUrl());
        } catch (IllegalArgumentException e) {
            throw new ServiceCallException(service, 0, IntegrationProperties.variable(service, "TOKEN_URL")
                    + " is not a valid URL");
        }
    }

    private HttpResponse<String> send(ServiceName service, HttpRequest request) {
        try {
            return http.getObject().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ServiceCallException(service, 0, service.displayName() + "'s token endpoint did not respond within "
                    + properties.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new ServiceCallException(service, 0, "could not reach " + service.displayName()
                    + "'s token endpoint at " + request.uri().getHost() + ": connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(service, 0, "the call to " + service.displayName() + " was interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = ServiceHttp.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            return json.isObject() ? json : ServiceHttp.JSON.createObjectNode();
        } catch (JacksonException e) {
            // Some token endpoints respond in form encoding unless the request accepts JSON, so this counts as no tokens.
            return ServiceHttp.JSON.createObjectNode();
        }
    }
}
