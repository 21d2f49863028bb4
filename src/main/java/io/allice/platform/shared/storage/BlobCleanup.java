package io.allice.platform.shared.storage;

import java.io.IOException;
import java.util.List;

import io.allice.platform.shared.persistence.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        AfterCommit.run(() -> deleteQuietly(storage, keys));
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
