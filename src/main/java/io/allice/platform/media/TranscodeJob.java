package io.allice.platform.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One transcode request of a media record. It moves from {@code queued} through
 * {@code processing} to {@code completed} (a rendition stored under {@link #storageKey()}) or
 * {@code failed} with an {@code error}. A retried job goes back to {@code processing}.
 */
@Entity
@Table(name = "transcode_jobs")
class TranscodeJob {

    static final String QUEUED = "queued";
    static final String PROCESSING = "processing";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "media_id", nullable = false, updatable = false)
    private long mediaId;

    @Column(name = "output_format", nullable = false, updatable = false, length = 10)
    private String outputFormat;

    @Column(nullable = false, updatable = false, length = 10)
    private String quality;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(nullable = false)
    private int progress;

    @Column(columnDefinition = "text")
    private String error;

    @Column(length = 100)
    private String filename;

    @Column(name = "file_size")
    private Long fileSize;

    private Double duration;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected TranscodeJob() {
    }

    TranscodeJob(long mediaId, TranscodePreset preset, Instant now) {
        this.mediaId = mediaId;
        this.outputFormat = preset.format().id();
        this.quality = preset.quality().id();
        this.status = QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String storageKeyOf(String filename) {
        return "media/renditions/" + filename;
    }

    String storageKey() {
        return filename == null ? null : storageKeyOf(filename);
    }

    void start(Instant now) {
        status = PROCESSING;
        progress = 0;
        error = null;
        updatedAt = now;
    }

    void advance(int percent, Instant now) {
        progress = Math.max(0, Math.min(100, percent));
        updatedAt = now;
    }

    void complete(String filename, long fileSize, Double duration, Instant now) {
        this.status = COMPLETED;
        this.progress = 100;
        this.filename = filename;
        this.fileSize = fileSize;
        this.duration = duration;
        this.updatedAt = now;
        this.completedAt = now;
    }

    void fail(String error, Instant now) {
        this.status = FAILED;
        this.error = error;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long mediaId() {
        return mediaId;
    }

    String outputFormat() {
        return outputFormat;
    }

    String quality() {
        return quality;
    }

    String status() {
        return status;
    }

    int progress() {
        return progress;
    }

    String error() {
        return error;
    }

    String filename() {
        return filename;
    }

    Long fileSize() {
        return fileSize;
    }

    Double duration() {
        return duration;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    boolean isCompleted() {
        return COMPLETED.equals(status);
    }
}
