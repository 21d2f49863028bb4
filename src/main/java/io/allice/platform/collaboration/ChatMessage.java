package io.allice.platform.collaboration;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message in a room. Deleting it leaves a tombstone, so history keeps its shape. */
@Entity
@Table(name = "chat_messages")
class ChatMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "room_id", nullable = false, updatable = false)
    private long roomId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, columnDefinition = "text")
    private String message;

    @Column(name = "message_type", nullable = false, length = 20)
    private String messageType;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ChatMessage() {
    }

    ChatMessage(long roomId, long userId, String message, String messageType, Map<String, Object> metadata, Instant now) {
        this.roomId = roomId;
        this.userId = userId;
        this.message = message;
        this.messageType = messageType;
        this.metadata = metadata;
        this.createdAt = now;
    }

    void edit(String newMessage, Instant now) {
        message = newMessage;
        editedAt = now;
    }

    void delete(Instant now) {
        message = "";
        metadata = null;
        deletedAt = now;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    Long id() {
        return id;
    }

    long roomId() {
        return roomId;
    }

    long userId() {
        return userId;
    }

    String message() {
        return message;
    }

    String messageType() {
        return messageType;
    }

    Map<String, Object> metadata() {
        return metadata;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant editedAt() {
        return editedAt;
    }

    Instant deletedAt() {
        return deletedAt;
    }
}
