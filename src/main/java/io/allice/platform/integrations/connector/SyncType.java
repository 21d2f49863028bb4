package io.allice.platform.integrations.connector;

/** The scope of data a sync requests from the service. */
public enum SyncType {
    /** Everything the account holds. */
    FULL,
    /** Only what changed since the last successful sync, where the service can tell. */
    INCREMENTAL
}
