package io.allice.platform.collaboration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A chat room, named by clients with its {@code room_key}. */
@Entity
@Table(name = "chat_rooms")
class ChatRoom {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "room_key", nullable = false, updatable = false, length = 100)
    private String roomKey;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ChatRoom() {
    }

    ChatRoom(String roomKey, long ownerId, Instant now) {
        this.roomKey = roomKey;
        this.ownerId = ownerId;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    String roomKey() {
        return roomKey;
    }

    long ownerId() {
        return ownerId;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Returns the real-time topic that the room's members subscribe to. */
    String topic() {
        return "chat:" + roomKey;
    }
}
