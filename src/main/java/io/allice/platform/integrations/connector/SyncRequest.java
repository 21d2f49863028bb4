package io.allice.platform.integrations.connector;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The parameters of one sync.
 *
 * @param type full or incremental
 * @param lastSuccessfulSync when the previous successful sync started, or null if there was none
 * @param cursor what the previous successful sync returned; empty after none or for a full sync
 * @param options the {@code options} object of the sync request, never null
 * @param integrationId the id of the integration being synced, for connectors that read data the
 *        platform received for it (TradingView's alerts); 0 where no integration is stored
 */
public record SyncRequest(SyncType type, Instant lastSuccessfulSync, Map<String, String> cursor, JsonNode options,
        long integrationId) {

    public SyncRequest {
        cursor = Map.copyOf(cursor);
    }

    /** Creates a request outside any stored integration, as connector tests build it. */
    public SyncRequest(SyncType type, Instant lastSuccessfulSync, Map<String, String> cursor, JsonNode options) {
        this(type, lastSuccessfulSync, cursor, options, 0);
    }

    /** Tells whether the connector may request only changes: incremental, and a previous sync exists. */
    public boolean incremental() {
        return type == SyncType.INCREMENTAL && lastSuccessfulSync != null;
    }
}
