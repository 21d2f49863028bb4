package io.allice.platform.collaboration;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a room with its first sender as owner, in a transaction of its own. When two users
 * create the same room at once, one insert wins. The other sender then finds a room they are
 * not a member of.
 */
@Component
class ChatRoomCreator {

    private static final Logger log = LoggerFactory.getLogger(ChatRoomCreator.class);

    private final ChatRoomRepository rooms;
    private final ChatRoomMemberRepository members;
    private final Clock clock;

    ChatRoomCreator(ChatRoomRepository rooms, ChatRoomMemberRepository members, Clock clock) {
        this.rooms = rooms;
        this.members = members;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void createIfAbsent(String roomKey, long ownerId) {
        if (rooms.findByRoomKey(roomKey).isPresent()) {
            return;
        }
        try {
            ChatRoom room = rooms.saveAndFlush(new ChatRoom(roomKey, ownerId, clock.instant()));
            members.saveAndFlush(new ChatRoomMember(room.id(), ownerId, true, clock.instant()));
            log.info("User {} created chat room {} ({})", ownerId, room.id(), roomKey);
        } catch (DataIntegrityViolationException raced) {
            log.info("Chat room {} was created concurrently by another user", roomKey);
        }
    }
}
