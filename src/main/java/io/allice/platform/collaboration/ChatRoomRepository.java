package io.allice.platform.collaboration;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChatRoomRepository extends JpaRepository<ChatRoom, Long> {

    Optional<ChatRoom> findByRoomKey(String roomKey);

    /**
     * Loads the room and locks its row until the transaction ends. Every change to a room's
     * messages takes this lock, so changes are stored and published one at a time, in order.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ChatRoom r where r.roomKey = :roomKey")
    Optional<ChatRoom> lockByRoomKey(String roomKey);

    /** The caller's rooms with their newest message id and the number of unread messages from others. */
    @Query("""
            select new io.allice.platform.collaboration.ChatRoomRepository$RoomRow(
                r.id, r.roomKey, r.ownerId, m.role,
                (select max(c.id) from ChatMessage c where c.roomId = r.id),
                (select count(c) from ChatMessage c where c.roomId = r.id and c.id > m.lastReadMessageId
                    and c.userId <> :userId and c.deletedAt is null))
            from ChatRoomMember m, ChatRoom r
            where r.id = m.key.roomId and m.key.userId = :userId
            """)
    List<RoomRow> findRoomsOf(long userId);

    record RoomRow(Long id, String roomKey, long ownerId, String role, Long lastMessageId, Long unreadCount) {
    }
}
