package io.allice.platform.integrations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.allice.platform.integrations.IntegrationViews.AuthorizationView;
import io.allice.platform.integrations.IntegrationViews.IntegrationView;
import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient.ClientCredentials;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OAuth 2.0 authorisation-code flow (RFC 6749, section 4.1) with PKCE S256 (RFC 7636) where
 * the service supports it. The {@code state} parameter carries the user and service, signed
 * with a key derived from the token encryption key, and names a stored row that the callback
 * deletes, so a state works once, only before it expires and only for its own service.
 */
@Service
class OAuthService {

    private static final Logger log = LoggerFactory.getLogger(OAuthService.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Connectors connectors;
    private final IntegrationProperties properties;
    private final PlatformProperties platform;
    private final OAuthTokenEndpoint tokenEndpoint;
    private final IntegrationService integrations;
    private final OAuthStates states;
    private final TokenCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthService(Connectors connectors, IntegrationProperties properties, PlatformProperties platform,
            OAuthTokenEndpoint tokenEndpoint, IntegrationService integrations, JdbcClient jdbc, TokenCipher cipher,
            Clock clock) {
        this.connectors = connectors;
        this.properties = properties;
        this.platform = platform;
        this.tokenEndpoint = tokenEndpoint;
        this.integrations = integrations;
        this.states = new OAuthStates(jdbc, cipher.derive("oauth-state"));
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    AuthorizationView authorize(long userId, ServiceName service) {
        Connector connector = connectors.require(service);
        OAuthFlow flow = flow(connector);
        ClientCredentials client = credentials(service);

        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.oauthStateLifetime());
        String nonce = randomToken(32);
        String verifier = flow.pkce() ? randomToken(48) : null;
        states.purgeExpired(now);
        states.insert(nonce, userId, service,
                cipher.encrypt(verifier, "oauth-state/" + OAuthStates.hash(nonce)), expiresAt);
        String state = states.sign(nonce, userId, service, expiresAt);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri(service));
        if (!flow.scopes().isEmpty()) {
            query.put("scope", String.join(flow.scopeSeparator(), flow.scopes()));
        }
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", BASE64URL.encodeToString(TokenCipher.sha256(verifier.getBytes(StandardCharsets.US_ASCII))));
            query.put("code_challenge_method", "S256");
        }
        query.putAll(flow.extraAuthorizeParameters());
        String url = flow.authorizeUrl() + (flow.authorizeUrl().contains("?") ? "&" : "?") + encode(query);
        log.info("User {} started OAuth authorisation with {}", userId, service.id());
        return new AuthorizationView(service.id(), url, state, redirectUri(service), expiresAt);
    }

    /**
     * Completes an authorisation: checks the state, exchanges the code and connects the
     * integration of the user the state was issued to.
     */
    IntegrationView callback(ServiceName service, String code, String state, String error, String errorDescription) {
        Connector connector = connectors.require(service);
        if (error != null && !error.isBlank()) {
            consumeQuietly(service, state);
            throw ApiException.badRequest(service.displayName() + " did not grant access: " + error
                    + (errorDescription == null || errorDescription.isBlank() ? "" : " (" + errorDescription.strip() + ")"));
        }
        if (state == null || state.isBlank()) {
            throw ApiException.invalidField("state", "is required");
        }
        if (code == null || code.isBlank()) {
            throw ApiException.invalidField("code", "is required");
        }
        OAuthStates.Pending pending = consume(service, state);
        OAuthFlow flow = flow(connector);
        ClientCredentials client = credentials(service);
        String verifier = cipher.decrypt(pending.encryptedVerifier(), "oauth-state/" + pending.nonceHash());

        TokenSet tokens;
        try {
            tokens = tokenEndpoint.exchangeCode(service, flow, client, code, redirectUri(service), verifier);
        } catch (OAuthTokenEndpoint.GrantRejectedException e) {
            throw ApiException.invalidField("code", service.displayName() + " rejected the authorisation code: " + e.getMessage());
        } catch (ServiceCallException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Could not exchange the authorisation code: " + e.getMessage());
        }
        log.info("User {} completed OAuth authorisation with {}", pending.userId(), service.id());
        return integrations.connectWithTokens(pending.userId(), connector, tokens, null);
    }

    private OAuthStates.Pending consume(ServiceName service, String state) {
        OAuthStates.Verified verified = states.verify(state).orElseThrow(() ->
                ApiException.invalidField("state", "is not a state this service issued"));
        if (!verified.service().equals(service.id())) {
            throw ApiException.invalidField("state", "was issued for another service");
        }
        if (!clock.instant().isBefore(verified.expiresAt())) {
            throw ApiException.invalidField("state", "has expired; start the authorisation again");
        }
        return states.consume(verified).orElseThrow(() ->
                ApiException.invalidField("state", "has already been used; start the authorisation again"));
    }

    private void consumeQuietly(ServiceName service, String state) {
        if (state == null) {
            return;
        }
        states.verify(state).filter(verified -> verified.service().equals(service.id())).ifPresent(states::consume);
    }

    private OAuthFlow flow(Connector connector) {
        return connectors.oauth(connector).orElseThrow(() -> ApiException.badRequest(connector.service().displayName()
                + " has no OAuth authorisation; connect it with POST /api/integrations/" + connector.service().id()
                + "/connect"));
    }

    private ClientCredentials credentials(ServiceName service) {
        Optional<ClientCredentials> credentials = properties.of(service).credentials();
        return credentials.orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "OAuth with "
                + service.displayName() + " is not configured: set " + IntegrationProperties.variable(service, "CLIENT_ID")
                + " and " + IntegrationProperties.variable(service, "CLIENT_SECRET")));
    }

    /** Builds the URL the service sends the browser back to, on PUBLIC_BASE_URL like share links. */
    String redirectUri(ServiceName service) {
        return platform.publicBaseUrl() + "/api/integrations/" + service.id() + "/callback";
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
