package io.allice.platform.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.allice.platform.media.MediaViews.MediaDetailView;
import io.allice.platform.media.MediaViews.MediaView;
import io.allice.platform.media.MediaViews.TranscodeJobView;
import io.allice.platform.media.RenditionReads.MediaRendition;
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
import io.allice.platform.shared.storage.LocalCopy;
import io.allice.platform.shared.web.BlobRecordReads.OwnedBlob;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import io.allice.platform.shared.web.MultipartUpload;
import io.allice.platform.shared.web.Paging;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Uploads, lists, deletes and transcodes media. Every method acts only on the caller's own
 * media; another user's media is not found. An upload is streamed to storage, then probed; a
 * file that is not video, audio or an image is deleted again and rejected.
 */
@Service
class MediaService {

    static final int MAX_PAGE_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    private static final int SNIFF_BUFFER_SIZE = 64 * 1024;
    /** Containers that Tika names without a video/audio prefix; ffprobe decides what they hold. */
    private static final Set<String> AMBIGUOUS_CONTAINERS = Set.of("application/ogg", "application/mp4",
            "application/x-matroska");

    private final MediaRepository media;
    private final MediaOriginals originals;
    private final RenditionReads renditions;
    private final TranscodeJobRepository jobs;
    private final EntityManager entityManager;
    private final BlobStorage storage;
    private final MediaProbe probe;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> transcodeTask;
    private final long maxUploadSize;
    private final ShareGrants grants;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    MediaService(MediaRepository media, MediaOriginals originals, RenditionReads renditions,
            TranscodeJobRepository jobs, EntityManager entityManager, BlobStorage storage,
            MediaProbe probe, SchedulerClient scheduler, @Qualifier("transcodeTask") OneTimeTask<Long> transcodeTask,
            PlatformProperties platform, ShareGrants grants, ApplicationEventPublisher events,
            TransactionOperations transactions, Clock clock) {
        this.media = media;
        this.originals = originals;
        this.renditions = renditions;
        this.jobs = jobs;
        this.entityManager = entityManager;
        this.storage = storage;
        this.probe = probe;
        this.scheduler = scheduler;
        this.transcodeTask = transcodeTask;
        this.maxUploadSize = platform.maxUploadSize();
        this.grants = grants;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    MediaView upload(long userId, HttpServletRequest request) throws IOException {
        AtomicReference<String> storedKey = new AtomicReference<>();
        try {
            MediaBlob blob = MultipartUpload.read(request, maxUploadSize, "file",
                    (name, content) -> store(name, content, storedKey)).file();
            if (blob == null) {
                throw ApiException.invalidField("file", "is required");
            }
            if (blob.size() == 0) {
                throw ApiException.invalidField("file", "must not be empty");
            }
            MediaProbe.Result probed;
            try (LocalCopy copy = storage.localCopy(Media.storageKeyOf(blob.filename()))) {
                probed = probe.probe(copy.path(), blob.mimeType()).orElseThrow(() -> ApiException.invalidField("file",
                        "is not a readable video, audio or image file"));
            }

            // The record and its search document are saved together, or neither is.
            Media saved = transactions.execute(status -> {
                Media stored = media.save(new Media(userId, blob, probed, clock.instant()));
                // Media has no description or tags yet, so its original file name is all there is to find.
                events.publishEvent(new SearchDocumentChanged(ResourceType.MEDIA, stored.id(), userId,
                        stored.originalFilename(), null, null, List.of(), stored.createdAt()));
                return stored;
            });
            log.info("User {} uploaded {} media {} ({} bytes, {})", userId, probed.mediaType(), saved.id(), blob.size(),
                    blob.mimeType());
            return MediaView.of(saved);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(storedKey.get());
            throw e;
        }
    }

    private MediaBlob store(String clientName, InputStream content, AtomicReference<String> storedKey) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(content, SNIFF_BUFFER_SIZE);
        String mimeType = ContentTypes.detect(buffered, null);
        if (!isMediaType(mimeType)) {
            throw ApiException.invalidField("file", "must be video, audio or an image, not " + mimeType);
        }
        String filename = UUID.randomUUID() + ContentTypes.extensionOf(mimeType);
        storedKey.set(Media.storageKeyOf(filename));
        long size = storage.write(Media.storageKeyOf(filename), buffered);
        return new MediaBlob(filename, ClientFilenames.clean(clientName), mimeType, size);
    }

    /** SVG is left out: it is a scriptable document, not a picture a media player shows. */
    private static boolean isMediaType(String mimeType) {
        return mimeType.startsWith("video/") || mimeType.startsWith("audio/")
                || (mimeType.startsWith("image/") && !mimeType.equals("image/svg+xml"))
                || AMBIGUOUS_CONTAINERS.contains(mimeType);
    }

    @Transactional(readOnly = true)
    List<MediaView> list(long userId, Paging paging) {
        return entityManager.createQuery(
                        "select m from Media m where m.userId = :userId order by m.createdAt desc, m.id desc", Media.class)
                .setParameter("userId", userId)
                .setFirstResult(paging.skip())
                .setMaxResults(paging.limit())
                .getResultStream()
                .map(MediaView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    MediaDetailView get(long userId, long mediaId) {
        Media found = readable(userId, mediaId);
        events.publishEvent(new ResourceViewed(userId, ResourceType.MEDIA, mediaId, clock.instant()));
        return MediaDetailView.of(found, jobs.findByMediaIdOrderByIdAsc(mediaId));
    }

    /**
     * Returns how to stream the original of media the caller owns or that was shared with them.
     * Without a transaction: the owner's request costs at most one statement (none while the
     * record is cached), and a share is looked up only for someone else's media.
     */
    ServedBlob originalForStream(long userId, long mediaId) {
        OwnedBlob original = originals.find(mediaId, true).orElseThrow(() -> notFound(mediaId));
        requireReadable(userId, original.ownerId(), mediaId);
        events.publishEvent(new ResourceViewed(userId, ResourceType.MEDIA, mediaId, clock.instant()));
        return original.blob();
    }

    /**
     * Returns how to stream a completed rendition of media the caller owns or that was shared
     * with them. A job that does not exist or has not completed is not found.
     */
    ServedBlob renditionForStream(long userId, long mediaId, long jobId) {
        MediaRendition found = renditions.find(mediaId, jobId, true).orElseThrow(() -> notFound(mediaId));
        requireReadable(userId, found.ownerId(), mediaId);
        if (found.rendition() == null) {
            throw ApiException.notFound("Rendition " + jobId + " of media " + mediaId + " not found");
        }
        events.publishEvent(new ResourceViewed(userId, ResourceType.MEDIA, mediaId, clock.instant()));
        return found.rendition();
    }

    /** Creates a queued job and schedules it in the same transaction, so neither exists without the other. */
    @Transactional
    TranscodeJobView requestTranscode(long userId, long mediaId, TranscodeRequest request) {
        Media source = owned(userId, mediaId);
        TranscodePreset preset = request.preset();
        if (source.mediaType().equals("image")) {
            throw ApiException.badRequest("Images cannot be transcoded; send video or audio");
        }
        if (source.mediaType().equals("audio") && preset.format().isVideo()) {
            throw ApiException.invalidField("output_format", "audio can only be transcoded to mp3, aac, ogg or wav");
        }

        TranscodeJob job = jobs.save(new TranscodeJob(mediaId, preset, clock.instant()));
        TranscodeJobs.schedule(scheduler, transcodeTask, job.id());
        log.info("User {} queued transcode job {} of media {} to {} ({})", userId, job.id(), mediaId,
                job.outputFormat(), job.quality());
        return TranscodeJobView.of(job);
    }

    /** Deletes the record and its jobs, then the original and every rendition. */
    void delete(long userId, long mediaId) {
        Media found = owned(userId, mediaId);
        List<String> keys = new java.util.ArrayList<>();
        keys.add(found.storageKey());
        jobs.findByMediaIdOrderByIdAsc(mediaId).stream().map(TranscodeJob::storageKey)
                .filter(java.util.Objects::nonNull).forEach(keys::add);
        transactions.executeWithoutResult(status -> {
            media.delete(found);
            events.publishEvent(new SharedResourceDeleted(ResourceType.MEDIA, mediaId));
            events.publishEvent(new SearchDocumentRemoved(ResourceType.MEDIA, mediaId));
        });
        originals.forget(mediaId);
        keys.forEach(this::deleteQuietly);
        log.info("User {} deleted media {} and {} blobs", userId, mediaId, keys.size());
    }

    /** Loads the caller's own media; someone it is only shared with may not change it (403). */
    private Media owned(long userId, long mediaId) {
        Media found = readable(userId, mediaId);
        if (found.userId() != userId) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only the owner may change or delete media " + mediaId);
        }
        return found;
    }

    /** Loads media the caller owns or that was shared with them; anyone else's is not found. */
    private Media readable(long userId, long mediaId) {
        Media found = media.findById(mediaId).orElseThrow(() -> notFound(mediaId));
        requireReadable(userId, found.userId(), mediaId);
        return found;
    }

    /** Raises not found unless the caller owns the media or it was shared with them. */
    private void requireReadable(long userId, long ownerId, long mediaId) {
        if (ownerId != userId && grants.grantedTo(userId, ResourceType.MEDIA, mediaId).isEmpty()) {
            throw notFound(mediaId);
        }
    }

    private static ApiException notFound(long mediaId) {
        return ApiException.notFound("Media " + mediaId + " not found");
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
