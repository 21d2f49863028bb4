package io.allice.platform.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.search.ResourceViewed;
import io.allice.platform.shared.search.SearchDocumentChanged;
import io.allice.platform.shared.search.SearchDocumentRemoved;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareGrants;
import io.allice.platform.shared.sharing.SharedResourceDeleted;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.storage.ClientFilenames;
import io.allice.platform.shared.storage.ContentTypes;
import io.allice.platform.shared.web.BlobRecordReads.OwnedBlob;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import io.allice.platform.shared.web.MultipartUpload;
import io.allice.platform.shared.web.Paging;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores, lists, changes and deletes files. Every method acts only on the caller's own files; a
 * file of another user is not found. An upload is streamed to storage before its record is
 * saved, and any failure on the way deletes the blob again.
 */
@Service
class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);
    /** Enough of the start of a file for content-type detection. */
    private static final int SNIFF_BUFFER_SIZE = 64 * 1024;

    private final StoredFileRepository files;
    private final FileDownloads downloads;
    private final EntityManager entityManager;
    private final BlobStorage storage;
    private final long maxUploadSize;
    private final ShareGrants grants;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    FileService(StoredFileRepository files, FileDownloads downloads, EntityManager entityManager, BlobStorage storage,
            PlatformProperties platform, ShareGrants grants, ApplicationEventPublisher events,
            TransactionOperations transactions, Clock clock) {
        this.files = files;
        this.downloads = downloads;
        this.entityManager = entityManager;
        this.storage = storage;
        this.maxUploadSize = platform.maxUploadSize();
        this.grants = grants;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reads a multipart upload. {@code description} and {@code tags} are taken from form fields,
     * or from the query parameters given here when the form has none.
     */
    FileView upload(long userId, HttpServletRequest request, String queryDescription, String queryTags)
            throws IOException {
        AtomicReference<String> storedKey = new AtomicReference<>();
        try {
            MultipartUpload.Result<FileBlob> upload = MultipartUpload.read(request, maxUploadSize, "file",
                    (name, content) -> store(name, content, storedKey));
            FileBlob blob = upload.file();
            if (blob == null) {
                throw ApiException.invalidField("file", "is required");
            }
            if (blob.size() == 0) {
                throw ApiException.invalidField("file", "must not be empty");
            }
            String description = FileRules.description(upload.fields().getOrDefault("description", queryDescription));
            List<String> tags = FileRules.parseTags(upload.fields().getOrDefault("tags", queryTags));

            // The record and its search document are saved together, or neither is.
            StoredFile saved = transactions.execute(status -> {
                StoredFile stored = files.save(new StoredFile(userId, blob, description, tags, clock.instant()));
                events.publishEvent(searchDocument(stored));
                return stored;
            });
            log.info("User {} uploaded file {} ({} bytes, {})", userId, saved.id(), blob.size(), blob.mimeType());
            return FileView.of(saved);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(storedKey.get());
            throw e;
        }
    }

    private FileBlob store(String clientName, InputStream content, AtomicReference<String> storedKey) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(content, SNIFF_BUFFER_SIZE);
        String originalFilename = ClientFilenames.clean(clientName);
        String mimeType = ContentTypes.detect(buffered, originalFilename);
        String filename = UUID.randomUUID() + ContentTypes.extensionOf(mimeType);
        storedKey.set(StoredFile.storageKeyOf(filename));
        long size = storage.write(StoredFile.storageKeyOf(filename), buffered);
        return new FileBlob(filename, originalFilename, mimeType, size);
    }

    @Transactional(readOnly = true)
    List<FileView> list(long userId, Paging paging) {
        return entityManager.createQuery(
                        "select f from StoredFile f where f.userId = :userId order by f.createdAt desc, f.id desc",
                        StoredFile.class)
                .setParameter("userId", userId)
                .setFirstResult(paging.skip())
                .setMaxResults(paging.limit())
                .getResultStream()
                .map(FileView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    FileView get(long userId, long fileId) {
        StoredFile file = readable(userId, fileId);
        events.publishEvent(new ResourceViewed(userId, ResourceType.FILE, fileId, clock.instant()));
        return FileView.of(file);
    }

    /**
     * Returns how to send a file the caller owns or that was shared with them. Without a
     * transaction: the owner's download costs at most one statement (none while the record is
     * cached), and a share is looked up only for someone else's file.
     */
    ServedBlob forDownload(long userId, long fileId) {
        OwnedBlob file = downloads.find(fileId, false).orElseThrow(() -> notFound(fileId));
        requireReadable(userId, file.ownerId(), fileId);
        events.publishEvent(new ResourceViewed(userId, ResourceType.FILE, fileId, clock.instant()));
        return file.blob();
    }

    @Transactional
    FileView update(long userId, long fileId, FileChanges changes) {
        StoredFile file = owned(userId, fileId);
        Instant now = clock.instant();
        changes.description().applyTo(description -> file.describe(description, now));
        changes.tags().applyTo(tags -> file.retag(tags, now));
        files.flush();
        events.publishEvent(searchDocument(file));
        log.info("User {} updated file {}", userId, fileId);
        return FileView.of(file);
    }

    /** Deletes the record, then its blob; a blob that cannot be deleted is logged, not reported. */
    void delete(long userId, long fileId) {
        StoredFile file = owned(userId, fileId);
        transactions.executeWithoutResult(status -> {
            files.delete(file);
            events.publishEvent(new SharedResourceDeleted(ResourceType.FILE, fileId));
            events.publishEvent(new SearchDocumentRemoved(ResourceType.FILE, fileId));
        });
        downloads.forget(fileId);
        deleteQuietly(file.storageKey());
        log.info("User {} deleted file {}", userId, fileId);
    }

    /** Loads the caller's own file; someone it is only shared with may not change it (403). */
    private StoredFile owned(long userId, long fileId) {
        StoredFile file = readable(userId, fileId);
        if (file.userId() != userId) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only the owner may change or delete file " + fileId);
        }
        return file;
    }

    /** Loads a file the caller owns or that was shared with them; anyone else's is not found. */
    private StoredFile readable(long userId, long fileId) {
        StoredFile file = files.findById(fileId).orElseThrow(() -> notFound(fileId));
        requireReadable(userId, file.userId(), fileId);
        return file;
    }

    /** Raises not found unless the caller owns the file or it was shared with them. */
    private void requireReadable(long userId, long ownerId, long fileId) {
        if (ownerId != userId && grants.grantedTo(userId, ResourceType.FILE, fileId).isEmpty()) {
            throw notFound(fileId);
        }
    }

    private static SearchDocumentChanged searchDocument(StoredFile file) {
        return new SearchDocumentChanged(ResourceType.FILE, file.id(), file.userId(), file.originalFilename(),
                file.description(), null, file.tags(), file.createdAt());
    }

    private static ApiException notFound(long fileId) {
        return ApiException.notFound("File " + fileId + " not found");
    }

    private void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete blob {}; it is left orphaned", key, e);
        }
    }
}
