package io.allice.platform.files;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An uploaded file owned by one user; its content is the blob {@link #storageKey()}. */
@Entity
@Table(name = "files")
class StoredFile {

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

    @Column(columnDefinition = "text")
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> tags;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredFile() {
    }

    StoredFile(long userId, FileBlob blob, String description, List<String> tags, Instant now) {
        this.userId = userId;
        this.filename = blob.filename();
        this.originalFilename = blob.originalFilename();
        this.fileSize = blob.size();
        this.mimeType = blob.mimeType();
        this.description = description;
        this.tags = List.copyOf(tags);
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String storageKeyOf(String filename) {
        return "files/" + filename;
    }

    long userId() {
        return userId;
    }

    String storageKey() {
        return storageKeyOf(filename);
    }

    Long id() {
        return id;
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

    String description() {
        return description;
    }

    List<String> tags() {
        return tags;
    }

    Instant createdAt() {
        return createdAt;
    }

    void describe(String description, Instant now) {
        this.description = description;
        this.updatedAt = now;
    }

    void retag(List<String> tags, Instant now) {
        this.tags = List.copyOf(tags);
        this.updatedAt = now;
    }
}
