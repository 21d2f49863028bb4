package io.allice.platform.integrations;

import java.time.Instant;

/** Response bodies of the integration endpoints. Tokens never appear in them. */
final class IntegrationViews {

    private IntegrationViews() {
    }

    /**
     * One integration.
     *
     * @param connected whether the stored token is believed to work; false after the service rejected it
     * @param needsReconnect true after the service rejected the token during a sync; connect again to clear it
     * @param itemsSynced records the last sync stored (created or updated), null before the first sync
     * @param itemsSyncedTotal records all syncs since the integration was first connected stored,
     *        counting a record again each time a sync updates it
     * @param lastSync when the last successful sync finished
     * @param webhookUrl TradingView only, and only in the connect response: the secret URL to post alerts to
     */
    record IntegrationView(long id, String serviceName, String account, boolean connected, boolean needsReconnect,
            Instant lastSync, String syncStatus, String errorMessage, Integer itemsSynced, long itemsSyncedTotal,
            Instant createdAt, Instant updatedAt, String webhookUrl) {

        static IntegrationView of(Integration integration) {
            return of(integration, null);
        }

        static IntegrationView of(Integration integration, String webhookUrl) {
            return new IntegrationView(integration.id(), integration.service().id(), integration.account(),
                    integration.connected(), integration.needsReconnect(), integration.lastSync(),
                    integration.syncStatus(), integration.errorMessage(), integration.itemsSynced(),
                    integration.itemsSyncedTotal(), integration.createdAt(), integration.updatedAt(), webhookUrl);
        }
    }

    /**
     * The response to a sync request.
     *
     * @param syncStatus {@code completed}, {@code error}, or {@code syncing} while the job still runs
     * @param itemsSynced records this sync stored so far
     * @param errorMessage what went wrong, with the service's own words; null unless {@code error}
     */
    record SyncView(String serviceName, String syncType, String syncStatus, Integer itemsSynced, String message,
            String errorMessage, boolean needsReconnect) {

        static SyncView of(Integration integration, boolean alreadyRunning) {
            String status = integration.syncStatus();
            String name = integration.service().displayName();
            int items = integration.itemsSynced() == null ? 0 : integration.itemsSynced();
            String message = switch (status) {
                case Integration.SyncStatus.SYNCING -> (alreadyRunning ? "A sync of " + name + " is already running"
                        : "The sync of " + name + " is still running")
                        + "; follow it with GET /api/integrations/" + integration.service().id() + "/status";
                case Integration.SyncStatus.COMPLETED -> "Successfully synced " + items + " items";
                default -> "The sync of " + name + " failed: " + integration.errorMessage();
            };
            return new SyncView(integration.service().id(), integration.syncType(), status,
                    Integration.SyncStatus.SYNCING.equals(status) ? null : items, message,
                    integration.errorMessage(), integration.needsReconnect());
        }
    }

    /**
     * The response to an authorisation request.
     *
     * @param authorizationUrl where to send the user's browser
     * @param redirectUri where the service sends the browser back; register it with the OAuth app
     * @param expiresAt when {@code state} stops being accepted
     */
    record AuthorizationView(String serviceName, String authorizationUrl, String state, String redirectUri,
            Instant expiresAt) {
    }
}
