package io.allice.platform.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded video, audio or image owned by one user; its content is the blob {@link #storageKey()}. */
@Entity
@Table(name = "media")
class Media {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, updatable = false, length = 100)
    private String filename;

    @Column(name = "original_filename", nullable = false, updatable = false)
    private String originalFilename;

    @Column(name = "file_size", nullable = false, updatable = false)
    private long fileSize;

    @Column(name = "mime_type", nullable = false, updatable = false)
    private String mimeType;

    /** {@code video}, {@code audio} or {@code image}. */
    @Column(name = "media_type", nullable = false, updatable = false, length = 10)
    private String mediaType;

    /** Seconds; null for images. */
    private Double duration;

    private Integer width;

    private Integer height;

    @Column(nullable = false)
    private boolean transcoded;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Media() {
    }

    Media(long userId, MediaBlob blob, MediaProbe.Result probe, Instant now) {
        this.userId = userId;
        this.filename = blob.filename();
        this.originalFilename = blob.originalFilename();
        this.fileSize = blob.size();
        this.mimeType = blob.mimeType();
        this.mediaType = probe.mediaType();
        this.duration = probe.duration();
        this.width = probe.width();
        this.height = probe.height();
        this.createdAt = now;
    }

    static String storageKeyOf(String filename) {
        return "media/" + filename;
    }

    String storageKey() {
        return storageKeyOf(filename);
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String filename() {
        return filename;
    }

    String originalFilename() {
        return originalFilename;
    }

    long fileSize() {
        return fileSize;
    }

    String mimeType() {
        return mimeType;
    }

    String mediaType() {
        return mediaType;
    }

    Double duration() {
        return duration;
    }

    Integer width() {
        return width;
    }

    Integer height() {
        return height;
    }

    boolean transcoded() {
        return transcoded;
    }

    Instant createdAt() {
        return createdAt;
    }

    void markTranscoded() {
        transcoded = true;
    }
}
