package io.allice.platform.shared.storage;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Deletes blobs once the transaction that dropped their records has committed. */
public final class BlobCleanup {

    private static final Logger log = LoggerFactory.getLogger(BlobCleanup.class);

    private BlobCleanup() {
    }

    /**
     * Deletes {@code keys} after the current transaction commits, and never if it rolls back, so a
     * record is never left pointing at a deleted blob. Without a transaction they are deleted now.
     * A blob that cannot be deleted is logged and left behind.
     */
    public static void deleteAfterCommit(BlobStorage storage, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteQuietly(storage, keys);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteQuietly(storage, keys);
            }
        });
    }

    private static void deleteQuietly(BlobStorage storage, List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete blob {}; it is left orphaned", key, e);
            }
        }
    }
}
