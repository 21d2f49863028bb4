package io.allice.platform.integrations.connector;

/** What a sync asks the service for. */
public enum SyncType {
    /** Everything the account holds. */
    FULL,
    /** Only what changed since the last successful sync, where the service can tell. */
    INCREMENTAL
}
