package io.allice.platform.integrations;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import io.allice.platform.integrations.connector.AccessTokenSource;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ServiceClient.ClientCredentials;
import io.allice.platform.integrations.connector.ServiceName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's tokens that refresh themselves at the service's token endpoint: before a call
 * when the access token is known to have expired, and after the service responded with 401. Each new
 * pair goes to {@code onRefresh}, which stores it encrypted for the integration.
 */
final class RefreshingTokenSource implements AccessTokenSource {

    private static final Logger log = LoggerFactory.getLogger(RefreshingTokenSource.class);
    /** Refreshes this long before the stated expiry, so a token does not expire in flight. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final ServiceName service;
    private final Optional<OAuthFlow> flow;
    private final Optional<ClientCredentials> client;
    private final OAuthTokenEndpoint endpoint;
    private final Clock clock;
    private final Consumer<TokenSet> onRefresh;
    private TokenSet tokens;

    RefreshingTokenSource(ServiceName service, TokenSet tokens, Optional<OAuthFlow> flow,
            Optional<ClientCredentials> client, OAuthTokenEndpoint endpoint, Clock clock, Consumer<TokenSet> onRefresh) {
        this.service = service;
        this.tokens = tokens;
        this.flow = flow;
        this.client = client;
        this.endpoint = endpoint;
        this.clock = clock;
        this.onRefresh = onRefresh;
    }

    @Override
    public synchronized String current() {
        if (tokens.expiresAt() != null && !clock.instant().isBefore(tokens.expiresAt().minus(EXPIRY_MARGIN))) {
            // A failed refresh keeps the old token; the service's 401 then ends in TokenRejectedException.
            refresh();
        }
        return tokens.accessToken();
    }

    @Override
    public synchronized Optional<String> refresh() {
        if (tokens.refreshToken() == null || flow.isEmpty() || client.isEmpty()) {
            return Optional.empty();
        }
        try {
            tokens = endpoint.refresh(service, flow.get(), client.get(), tokens.refreshToken());
        } catch (OAuthTokenEndpoint.GrantRejectedException e) {
            log.info("{} rejected the refresh token: {}", service.id(), e.getMessage());
            return Optional.empty();
        }
        onRefresh.accept(tokens);
        return Optional.of(tokens.accessToken());
    }

    synchronized TokenSet tokens() {
        return tokens;
    }
}
