package io.allice.platform.media;

import java.util.ArrayList;
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
 * Removes the originals and renditions of a deleted account's media. The database drops the rows
 * with the account (foreign key cascade), so this runs inside the deleting transaction, while the
 * rows can still be read, and deletes the blobs only once that transaction has committed.
 */
@Component
class MediaAccountCleanup {

    private static final Logger log = LoggerFactory.getLogger(MediaAccountCleanup.class);

    private final EntityManager entityManager;
    private final BlobStorage storage;
    private final MediaOriginals records;

    MediaAccountCleanup(EntityManager entityManager, BlobStorage storage, MediaOriginals records) {
        this.entityManager = entityManager;
        this.storage = storage;
        this.records = records;
    }

    @EventListener
    void on(UserDeleted event) {
        List<Tuple> originals = entityManager
                .createQuery("select m.id, m.filename from Media m where m.userId = :userId", Tuple.class)
                .setParameter("userId", event.userId())
                .getResultList();
        List<String> keys = new ArrayList<>();
        originals.forEach(original -> keys.add(Media.storageKeyOf(original.get(1, String.class))));
        entityManager.createQuery("select j.filename from TranscodeJob j where j.filename is not null and j.mediaId in "
                        + "(select m.id from Media m where m.userId = :userId)", String.class)
                .setParameter("userId", event.userId())
                .getResultStream()
                .map(TranscodeJob::storageKeyOf)
                .forEach(keys::add);
        records.forgetAfterCommit(originals.stream().map(original -> original.get(0, Long.class)).toList());
        BlobCleanup.deleteAfterCommit(storage, keys);
        log.info("Deleting {} media blobs of deleted user {}", keys.size(), event.userId());
    }
}
