package io.allice.platform.media;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Media records and transcode jobs as the API returns them. */
final class MediaViews {

    private MediaViews() {
    }

    /** A media record; {@code duration} is in seconds and null for images. */
    record MediaView(
            @Schema(example = "1") long id,
            @Schema(example = "0b6e2a52-1f3c-4c59-9d43-27b5e2f1a7c4.mp4") String filename,
            @Schema(example = "video.mp4") String originalFilename,
            @Schema(example = "1024000") long fileSize,
            @Schema(example = "video/mp4") String mimeType,
            @Schema(example = "video", allowableValues = {"video", "audio", "image"}) String mediaType,
            @Schema(example = "120.5") Double duration,
            @Schema(example = "1920") Integer width,
            @Schema(example = "1080") Integer height,
            boolean transcoded,
            @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt) {

        static MediaView of(Media media) {
            return new MediaView(media.id(), media.filename(), media.originalFilename(), media.fileSize(),
                    media.mimeType(), media.mediaType(), media.duration(), media.width(), media.height(),
                    media.transcoded(), media.createdAt());
        }
    }

    /** A media record with every transcode job of it. */
    record MediaDetailView(
            long id, String filename, String originalFilename, long fileSize, String mimeType, String mediaType,
            Double duration, Integer width, Integer height, boolean transcoded, Instant createdAt,
            List<TranscodeJobView> renditions) {

        static MediaDetailView of(Media media, List<TranscodeJob> jobs) {
            return new MediaDetailView(media.id(), media.filename(), media.originalFilename(), media.fileSize(),
                    media.mimeType(), media.mediaType(), media.duration(), media.width(), media.height(),
                    media.transcoded(), media.createdAt(), jobs.stream().map(TranscodeJobView::of).toList());
        }
    }

    /** A transcode job; {@code file_size} and {@code duration} are set once it is completed. */
    record TranscodeJobView(
            @Schema(example = "1") long id,
            @Schema(example = "1") long mediaId,
            @Schema(example = "mp4") String outputFormat,
            @Schema(example = "medium") String quality,
            @Schema(example = "processing", allowableValues = {"queued", "processing", "completed", "failed"}) String status,
            @Schema(example = "42") int progress,
            String error,
            Long fileSize,
            Double duration,
            @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt,
            Instant completedAt) {

        static TranscodeJobView of(TranscodeJob job) {
            return new TranscodeJobView(job.id(), job.mediaId(), job.outputFormat(), job.quality(), job.status(),
                    job.progress(), job.error(), job.fileSize(), job.duration(), job.createdAt(), job.completedAt());
        }
    }
}
