package io.allice.platform.content;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A content item owned by one user. {@code content} and {@code metadata} are JSON objects. */
@Entity
@Table(name = "items")
class Item {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(columnDefinition = "text")
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> content;

    @Column(name = "item_type", nullable = false, length = 50)
    private String itemType;

    @Column(nullable = false, length = 20)
    @Convert(converter = ItemStatusConverter.class)
    private ItemStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** The other service's id of an imported record; null for items created through the API. */
    @Column(name = "source_id", updatable = false, length = 255)
    private String sourceId;

    protected Item() {
    }

    Item(long userId, String title, String itemType, Instant now) {
        this.userId = userId;
        this.title = title;
        this.itemType = itemType;
        this.status = ItemStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Map<String, Object> content() {
        return content;
    }

    String itemType() {
        return itemType;
    }

    ItemStatus status() {
        return status;
    }

    Map<String, Object> metadata() {
        return metadata;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    String sourceId() {
        return sourceId;
    }

    void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setDescription(String description) {
        this.description = description;
    }

    void setContent(Map<String, Object> content) {
        this.content = content;
    }

    void setItemType(String itemType) {
        this.itemType = itemType;
    }

    void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    /** Changes the status; becoming published stamps {@code published_at} with the time it happened. */
    void changeStatus(ItemStatus newStatus, Instant now) {
        if (newStatus == ItemStatus.PUBLISHED && status != ItemStatus.PUBLISHED) {
            publishedAt = now;
        }
        status = newStatus;
    }

    void touch(Instant now) {
        updatedAt = now;
    }
}
