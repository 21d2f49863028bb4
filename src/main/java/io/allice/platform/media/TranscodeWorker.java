package io.allice.platform.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.allice.platform.media.MediaViews.TranscodeJobView;
import io.allice.platform.notifications.NotificationRequested;
import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.realtime.RealtimeHub;
import io.allice.platform.shared.storage.BlobNotFoundException;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.storage.LocalCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one transcode job: marks it processing, transcodes a local copy of the source, stores the
 * rendition and marks the job completed and the media transcoded. A failure of FFmpeg or of the
 * source ends the job as failed with its error. A database failure is thrown, so the job runner
 * retries the job. Running a job again starts it over, so a retry after a crash is safe.
 */
@Component
class TranscodeWorker {

    private static final Logger log = LoggerFactory.getLogger(TranscodeWorker.class);
    private static final int MAX_ERROR_IN_NOTIFICATION = 1000;

    private final TranscodeJobRepository jobs;
    private final MediaRepository media;
    private final BlobStorage storage;
    private final FfmpegTranscoder ffmpeg;
    private final MediaProbe probe;
    private final TransactionTemplate transactions;
    private final Path workDir;
    private final RealtimeHub hub;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TranscodeWorker(TranscodeJobRepository jobs, MediaRepository media, BlobStorage storage, FfmpegTranscoder ffmpeg,
            MediaProbe probe, TransactionTemplate transactions, PlatformProperties platform, RealtimeHub hub,
            ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.media = media;
        this.storage = storage;
        this.ffmpeg = ffmpeg;
        this.probe = probe;
        this.transactions = transactions;
        this.workDir = platform.dataDir().resolve("tmp");
        this.hub = hub;
        this.events = events;
        this.clock = clock;
    }

    void run(long jobId) {
        Optional<TranscodeJob> started = update(jobId, job -> job.start(clock.instant()));
        if (started.isEmpty()) {
            log.info("Transcode job {} no longer exists; its media was deleted", jobId);
            return;
        }
        TranscodeJob job = started.get();
        Optional<Media> source = media.findById(job.mediaId());
        if (source.isEmpty()) {
            return;
        }
        log.info("Transcode job {} started: media {} to {} ({})", jobId, job.mediaId(), job.outputFormat(), job.quality());
        long ownerId = source.get().userId();
        publishProgress(ownerId, job);
        try {
            transcode(job, source.get());
        } catch (FfmpegTranscoder.TranscodeFailedException e) {
            fail(ownerId, jobId, e.getMessage());
        } catch (BlobNotFoundException e) {
            fail(ownerId, jobId, "The source media file is missing from storage");
        } catch (IOException e) {
            log.warn("Transcode job {} failed on storage or file access", jobId, e);
            fail(ownerId, jobId, "Reading the source or storing the result failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Transcode job " + jobId + " was interrupted", e);
        }
    }

    private void transcode(TranscodeJob job, Media source)
            throws IOException, InterruptedException, FfmpegTranscoder.TranscodeFailedException {
        TranscodePreset preset = TranscodePreset.of(job.outputFormat(), job.quality()).orElseThrow();
        Files.createDirectories(workDir);
        Path output = workDir.resolve("rendition-" + job.id() + "-" + UUID.randomUUID() + preset.format().extension());
        try (LocalCopy input = storage.localCopy(source.storageKey())) {
            ffmpeg.transcode(input.path(), output, preset, source.duration(), percent ->
                    update(job.id(), running -> running.advance(percent, clock.instant()))
                            .ifPresent(running -> publishProgress(source.userId(), running)));
            String filename = UUID.randomUUID() + preset.format().extension();
            long size;
            try (InputStream rendition = Files.newInputStream(output)) {
                size = storage.write(TranscodeJob.storageKeyOf(filename), rendition);
            }
            Double duration = probe.duration(output).orElse(null);
            finish(source.userId(), job.id(), source.id(), filename, size, duration);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private void finish(long ownerId, long jobId, long mediaId, String filename, long size, Double duration)
            throws IOException {
        Optional<TranscodeJob> completed = transactions.execute(status -> {
            Optional<TranscodeJob> job = jobs.findById(jobId);
            job.ifPresent(found -> {
                found.complete(filename, size, duration, clock.instant());
                events.publishEvent(new NotificationRequested(ownerId, "Transcode finished",
                        "Media " + mediaId + " is ready as " + found.outputFormat() + " (" + found.quality() + ").",
                        "success", "/api/media/" + mediaId, Map.of("media_id", mediaId, "job_id", jobId), false));
            });
            media.findById(mediaId).ifPresent(Media::markTranscoded);
            return job;
        });
        if (completed == null || completed.isEmpty()) {
            // The media was deleted while FFmpeg ran; the rendition has no owner left.
            storage.delete(TranscodeJob.storageKeyOf(filename));
            return;
        }
        publishProgress(ownerId, completed.get());
        log.info("Transcode job {} completed: {} bytes", jobId, size);
    }

    private void fail(long ownerId, long jobId, String error) {
        update(jobId, job -> {
            job.fail(error, clock.instant());
            events.publishEvent(new NotificationRequested(ownerId, "Transcode failed",
                    "Transcoding media " + job.mediaId() + " to " + job.outputFormat() + " failed: " + abbreviate(error),
                    "error", "/api/media/" + job.mediaId(), Map.of("media_id", job.mediaId(), "job_id", jobId), false));
        }).ifPresent(job -> publishProgress(ownerId, job));
        log.warn("Transcode job {} failed: {}", jobId, error);
    }

    /** Keeps a failure's text short enough for a notification message. */
    private static String abbreviate(String error) {
        return error.length() <= MAX_ERROR_IN_NOTIFICATION ? error : error.substring(0, MAX_ERROR_IN_NOTIFICATION) + "…";
    }

    /** Sends the job's status and progress to the owner's open connections as a {@code transcode.progress} event. */
    private void publishProgress(long ownerId, TranscodeJob job) {
        hub.sendToUser(ownerId, Map.of("type", "transcode.progress", "data", TranscodeJobView.of(job)));
    }

    /** Changes a job in a transaction of its own; empty if the job was deleted. */
    private Optional<TranscodeJob> update(long jobId, java.util.function.Consumer<TranscodeJob> change) {
        Optional<TranscodeJob> job = transactions.execute(status -> {
            Optional<TranscodeJob> found = jobs.findById(jobId);
            found.ifPresent(change);
            return found;
        });
        return job == null ? Optional.empty() : job;
    }
}
