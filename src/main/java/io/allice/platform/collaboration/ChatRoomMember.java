package io.allice.platform.collaboration;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user's membership of a room, and how far they have read it. */
@Entity
@Table(name = "chat_room_members")
class ChatRoomMember {

    @EmbeddedId
    private Key key;

    @Column(nullable = false, length = 20)
    private String role;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    @Column(name = "last_read_message_id", nullable = false)
    private long lastReadMessageId;

    protected ChatRoomMember() {
    }

    ChatRoomMember(long roomId, long userId, boolean owner, Instant now) {
        this.key = new Key(roomId, userId);
        this.role = owner ? "owner" : "member";
        this.joinedAt = now;
    }

    /** The primary key: room and user. */
    @Embeddable
    record Key(@Column(name = "room_id") long roomId, @Column(name = "user_id") long userId) implements Serializable {
    }

    long userId() {
        return key.userId();
    }

    String role() {
        return role;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    /** Moves the read marker forward, never back. */
    void readUpTo(long messageId) {
        lastReadMessageId = Math.max(lastReadMessageId, messageId);
    }
}
