package io.allice.platform.files;

import java.util.List;

import io.allice.platform.auth.UserDeleted;
import io.allice.platform.shared.storage.BlobCleanup;
import io.allice.platform.shared.storage.BlobStorage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes the blobs of a deleted account's files. The database drops the rows with the account
 * (foreign key cascade), so this runs inside the deleting transaction, while the rows can still be
 * read, and deletes the blobs only once that transaction has committed.
 */
@Component
class FileAccountCleanup {

    private static final Logger log = LoggerFactory.getLogger(FileAccountCleanup.class);

    private final EntityManager entityManager;
    private final BlobStorage storage;
    private final FileDownloads downloads;

    FileAccountCleanup(EntityManager entityManager, BlobStorage storage, FileDownloads downloads) {
        this.entityManager = entityManager;
        this.storage = storage;
        this.downloads = downloads;
    }

    @EventListener
    void on(UserDeleted event) {
        List<Tuple> files = entityManager
                .createQuery("select f.id, f.filename from StoredFile f where f.userId = :userId", Tuple.class)
                .setParameter("userId", event.userId())
                .getResultList();
        List<String> keys = files.stream().map(file -> StoredFile.storageKeyOf(file.get(1, String.class))).toList();
        downloads.forgetAfterCommit(files.stream().map(file -> file.get(0, Long.class)).toList());
        BlobCleanup.deleteAfterCommit(storage, keys);
        log.info("Deleting {} file blobs of deleted user {}", keys.size(), event.userId());
    }
}
