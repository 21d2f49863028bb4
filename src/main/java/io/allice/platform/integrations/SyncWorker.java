package io.allice.platform.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.content.ImportedItem;
import io.allice.platform.content.ItemImports;
import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.SyncType;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one sync: reads the account's records through the connector, stores them as items page by
 * page, and records the outcome on the integration. A service failure ends the sync as
 * {@code error} with the service's words; a rejected token also marks the integration as
 * needing reconnection. Records stored before a failure stay, and running a sync again only
 * updates them.
 */
@Component
class SyncWorker {

    private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);

    private final IntegrationRepository integrations;
    private final IntegrationService service;
    private final Connectors connectors;
    private final ServiceClients clients;
    private final ItemImports imports;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SyncWorker(IntegrationRepository integrations, IntegrationService service, Connectors connectors,
            ServiceClients clients, ItemImports imports, TransactionTemplate transactions, Clock clock) {
        this.integrations = integrations;
        this.service = service;
        this.connectors = connectors;
        this.clients = clients;
        this.imports = imports;
        this.transactions = transactions;
        this.clock = clock;
    }

    void run(long integrationId) {
        Optional<Integration> found = transactions.execute(status -> integrations.findById(integrationId));
        if (found == null || found.isEmpty() || !Integration.SyncStatus.SYNCING.equals(found.get().syncStatus())) {
            log.info("Sync of integration {} skipped: the integration was disconnected or its sync already ended",
                    integrationId);
            return;
        }
        Integration integration = found.get();
        Optional<Connector> connector = connectors.find(integration.service());
        if (connector.isEmpty()) {
            fail(integrationId, 0, "This installation has no connector for " + integration.service().displayName(), false);
            return;
        }
        log.info("Sync {} of integration {} ({}) started", integration.syncType(), integrationId, integration.service().id());

        ServiceHttp client;
        try {
            client = client(connector.get(), integration);
        } catch (IllegalStateException e) {
            // The stored token was encrypted under another key or changed; only a new connection helps.
            fail(integrationId, 0, "The stored token cannot be decrypted (" + e.getMessage()
                    + "); connect " + integration.service().displayName() + " again", true);
            return;
        }

        BatchingSink sink = new BatchingSink(integration.service(), ServiceHttp.JSON, integration.syncStartedAt(),
                batch -> store(integration.userId(), batch));
        try {
            Map<String, String> cursor = connector.get().sync(client, request(integration), sink);
            sink.flush();
            complete(integrationId, sink.stored(), cursor);
        } catch (TokenRejectedException e) {
            fail(integrationId, storePending(sink, integrationId), e.getMessage(), true);
        } catch (ServiceCallException e) {
            fail(integrationId, storePending(sink, integrationId), e.getMessage(), false);
        } catch (RuntimeException e) {
            log.error("Sync of integration {} stopped on an unexpected error", integrationId, e);
            fail(integrationId, sink.stored(), "The sync stopped on an unexpected error ("
                    + e.getClass().getSimpleName() + "); the service log has the details", false);
        }
    }

    private ServiceHttp client(Connector connector, Integration integration) {
        TokenSet tokens = integration.encryptedAccessToken() == null ? new TokenSet("", null, null)
                : service.tokens(integration);
        return clients.client(connector, clients.tokens(connector, tokens,
                refreshed -> service.storeRefreshedTokens(integration.id(), refreshed)));
    }

    private static SyncRequest request(Integration integration) {
        SyncType type = "incremental".equals(integration.syncType()) ? SyncType.INCREMENTAL : SyncType.FULL;
        Map<String, Object> options = integration.syncOptions() == null ? Map.of() : integration.syncOptions();
        return new SyncRequest(type, integration.lastSyncStartedAt(),
                type == SyncType.INCREMENTAL ? integration.syncCursor() : Map.of(),
                ServiceHttp.JSON.valueToTree(options), integration.id());
    }

    private void store(long userId, List<ImportedItem> batch) {
        imports.upsert(userId, batch);
    }

    /** Stores the records read before a failure; they are valid, and the count reports them. */
    private int storePending(BatchingSink sink, long integrationId) {
        try {
            sink.flush();
        } catch (RuntimeException e) {
            log.error("Storing the last records of integration {} failed", integrationId, e);
        }
        return sink.stored();
    }

    private void complete(long integrationId, int items, Map<String, String> cursor) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> integrations.lockById(integrationId)
                .ifPresent(integration -> integration.completeSync(items, cursor, now)));
        log.info("Sync of integration {} completed: {} items", integrationId, items);
    }

    private void fail(long integrationId, int items, String message, boolean tokenRejected) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> integrations.lockById(integrationId)
                .ifPresent(integration -> integration.failSync(items, message, tokenRejected, now)));
        log.warn("Sync of integration {} failed{}: {}", integrationId,
                tokenRejected ? " and needs reconnection" : "", message);
    }
}
