package io.allice.platform.integrations;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.allice.platform.integrations.IntegrationViews.IntegrationView;
import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.TokenRejectedException;
import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects, lists and disconnects a user's integrations. Connecting checks the token with the
 * service's identity call first and stores it only encrypted; another user's integration is
 * not found, like a missing one.
 */
@Service
class IntegrationService {

    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);
    static final String WEBHOOK_PATH = "/api/integrations/tradingview/webhook/";

    private final IntegrationRepository integrations;
    private final Connectors connectors;
    private final ServiceClients clients;
    private final TokenCipher cipher;
    private final TransactionTemplate transactions;
    private final PlatformProperties platform;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IntegrationService(IntegrationRepository integrations, Connectors connectors, ServiceClients clients,
            TokenCipher cipher, TransactionTemplate transactions, PlatformProperties platform, Clock clock) {
        this.integrations = integrations;
        this.connectors = connectors;
        this.clients = clients;
        this.cipher = cipher;
        this.transactions = transactions;
        this.platform = platform;
        this.clock = clock;
    }

    IntegrationView connect(long userId, ServiceName service, ConnectRequest request) {
        Connector connector = connectors.require(service);
        if (service == ServiceName.TRADINGVIEW) {
            request.validate(false);
            return connectWebhook(userId, request);
        }
        request.validate(true);
        Instant expiresAt = request.expiresIn() == null ? null : clock.instant().plusSeconds(request.expiresIn());
        return connectWithTokens(userId, connector, new TokenSet(request.accessToken(), request.refreshToken(), expiresAt),
                request.config());
    }

    /**
     * Checks the tokens with the service's identity call and stores them, replacing the tokens
     * of an earlier connection. A refresh during the check stores the refreshed tokens. A null
     * {@code config} keeps the earlier connection's config.
     */
    IntegrationView connectWithTokens(long userId, Connector connector, TokenSet tokens, Map<String, Object> config) {
        ServiceName service = connector.service();
        RefreshingTokenSource source = clients.tokens(connector, tokens, refreshed -> { });
        String account = identify(connector, source);

        TokenSet checked = source.tokens();
        IntegrationView view = IntegrationView.of(save(userId, service, (integration, now) ->
                integration.connect(account, encrypt(userId, service, "access_token", checked.accessToken()),
                        encrypt(userId, service, "refresh_token", checked.refreshToken()), checked.expiresAt(),
                        config, now)));
        log.info("User {} connected {} as integration {}", userId, service.id(), view.id());
        return view;
    }

    private String identify(Connector connector, RefreshingTokenSource source) {
        String name = connector.service().displayName();
        try {
            String account = connector.identify(clients.client(connector, source));
            if (account == null || account.isBlank()) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, name + " returned no account name from the identity check");
            }
            return account.length() > 300 ? account.substring(0, 300) : account;
        } catch (TokenRejectedException e) {
            throw ApiException.invalidField("access_token", e.getMessage()
                    + ". Check that the token is current and has the scopes the sync needs");
        } catch (ServiceCallException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Could not check the token with " + name + ": " + e.getMessage());
        }
    }

    /** TradingView: no token, but a new secret webhook URL, shown once; reconnecting replaces it. */
    private IntegrationView connectWebhook(long userId, ConnectRequest request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Integration saved = save(userId, ServiceName.TRADINGVIEW, (integration, now) -> {
            integration.connect("webhook", null, null, null, request.config(), now);
            integration.setWebhookSecretHash(TokenCipher.sha256Hex(secret));
        });
        IntegrationView view = IntegrationView.of(saved, platform.publicBaseUrl() + WEBHOOK_PATH + secret);
        log.info("User {} connected tradingview as integration {} with a new webhook secret", userId, view.id());
        return view;
    }

    /**
     * Creates or changes the user's integration with the service in a transaction of its own.
     * Two first connections at the same moment collide on the unique (user, service) index.
     * The one that fails then runs again and changes the row the other one created.
     */
    private Integration save(long userId, ServiceName service, BiConsumer<Integration, Instant> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Instant now = clock.instant();
                    Integration integration = integrations.findByUserIdAndServiceName(userId, service.id())
                            .orElseGet(() -> new Integration(userId, service, now));
                    change.accept(integration, now);
                    return integrations.saveAndFlush(integration);
                });
            } catch (DataIntegrityViolationException e) {
                if (attempt >= 2) {
                    throw e;
                }
                log.info("User {} connected {} twice at once; applying the later connection again", userId, service.id());
            }
        }
    }

    @Transactional(readOnly = true)
    List<IntegrationView> list(long userId) {
        return integrations.findByUserIdOrderByServiceName(userId).stream().map(IntegrationView::of).toList();
    }

    @Transactional(readOnly = true)
    IntegrationView status(long userId, ServiceName service) {
        return IntegrationView.of(owned(userId, service));
    }

    /**
     * Revokes the token at the service where the connector can (a failure is logged, not
     * raised) and deletes the integration with its tokens. Imported items stay.
     */
    void disconnect(long userId, ServiceName service) {
        Integration integration = transactions.execute(status -> owned(userId, service));
        connectors.find(service).ifPresent(connector -> revoke(connector, integration));
        transactions.executeWithoutResult(status -> integrations.findById(integration.id()).ifPresent(integrations::delete));
        log.info("User {} disconnected {} (integration {}); imported items stay", userId, service.id(), integration.id());
    }

    private void revoke(Connector connector, Integration integration) {
        if (integration.encryptedAccessToken() == null) {
            return;
        }
        try {
            TokenSet tokens = tokens(integration);
            connector.revoke(clients.client(connector, clients.tokens(connector, tokens, refreshed -> { })));
            log.info("Revoked the token of integration {} at {}", integration.id(), integration.service().id());
        } catch (RuntimeException e) {
            log.warn("Could not revoke the token of integration {} at {}: {}", integration.id(),
                    integration.service().id(), e.getMessage());
        }
    }

    /** Loads the user's integration with the service, or throws 404. */
    Integration owned(long userId, ServiceName service) {
        return integrations.findByUserIdAndServiceName(userId, service.id())
                .orElseThrow(() -> ApiException.notFound(service.displayName() + " is not connected"));
    }

    /** Decrypts an integration's stored tokens. */
    TokenSet tokens(Integration integration) {
        long userId = integration.userId();
        ServiceName service = integration.service();
        return new TokenSet(
                cipher.decrypt(integration.encryptedAccessToken(), Integration.associatedData(userId, service, "access_token")),
                cipher.decrypt(integration.encryptedRefreshToken(), Integration.associatedData(userId, service, "refresh_token")),
                integration.tokenExpiresAt());
    }

    /** Stores refreshed tokens of an integration, in a transaction of their own. */
    void storeRefreshedTokens(long integrationId, TokenSet tokens) {
        transactions.executeWithoutResult(status -> integrations.lockById(integrationId).ifPresent(integration -> {
            long userId = integration.userId();
            ServiceName service = integration.service();
            integration.replaceTokens(encrypt(userId, service, "access_token", tokens.accessToken()),
                    encrypt(userId, service, "refresh_token", tokens.refreshToken()), tokens.expiresAt(), clock.instant());
            log.info("Stored refreshed tokens of integration {}", integrationId);
        }));
    }

    private String encrypt(long userId, ServiceName service, String field, String value) {
        return cipher.encrypt(value, Integration.associatedData(userId, service, field));
    }
}
