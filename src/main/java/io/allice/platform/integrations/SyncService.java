package io.allice.platform.integrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.allice.platform.integrations.IntegrationViews.SyncView;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts syncs as durable jobs and waits a short while for them, so a quick sync returns
 * its result and a long one returns {@code syncing}. One sync per integration runs at a time,
 * so a request while one runs starts nothing and returns the running sync's state.
 */
@Service
class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final IntegrationRepository integrations;
    private final IntegrationService service;
    private final Connectors connectors;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> syncTask;
    private final TransactionTemplate transactions;
    private final IntegrationProperties properties;
    private final Clock clock;

    SyncService(IntegrationRepository integrations, IntegrationService service, Connectors connectors,
            SchedulerClient scheduler, OneTimeTask<Long> integrationSyncTask, TransactionTemplate transactions,
            IntegrationProperties properties, Clock clock) {
        this.integrations = integrations;
        this.service = service;
        this.connectors = connectors;
        this.scheduler = scheduler;
        this.syncTask = integrationSyncTask;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The sync response, and whether the sync had ended when it was read. */
    record Outcome(SyncView view, boolean ended) {
    }

    Outcome sync(long userId, ServiceName serviceName, String syncType, Map<String, Object> options) {
        connectors.require(serviceName);
        long integrationId = transactions.execute(status -> service.owned(userId, serviceName).id());

        boolean started = Boolean.TRUE.equals(transactions.execute(status -> {
            Integration integration = integrations.lockById(integrationId).orElseThrow(() ->
                    ApiException.notFound(serviceName.displayName() + " is not connected"));
            if (!integration.startSync(syncType, options, clock.instant())) {
                return false;
            }
            SyncJobs.schedule(scheduler, syncTask, integrationId, integration.syncRun());
            return true;
        }));
        if (started) {
            log.info("User {} started a {} sync of integration {}", userId, syncType, integrationId);
        }

        Integration latest = awaitEnd(integrationId, clock.instant().plus(properties.syncWait()));
        boolean ended = !Integration.SyncStatus.SYNCING.equals(latest.syncStatus());
        return new Outcome(SyncView.of(latest, !started), ended);
    }

    /** Reads the integration until its sync has ended or the deadline has passed. */
    private Integration awaitEnd(long integrationId, Instant deadline) {
        while (true) {
            Integration integration = transactions.execute(status -> integrations.findById(integrationId).orElseThrow(() ->
                    ApiException.notFound("The integration was disconnected during the sync")));
            if (!Integration.SyncStatus.SYNCING.equals(integration.syncStatus()) || !clock.instant().isBefore(deadline)) {
                return integration;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return integration;
            }
        }
    }
}
