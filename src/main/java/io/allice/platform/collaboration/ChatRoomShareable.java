package io.allice.platform.collaboration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.allice.platform.auth.UserDirectory;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.persistence.OffsetPageRequest;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareableResource;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets chat rooms be shared. Clients name a room by its {@code room_id}; a public link shows
 * the room's latest messages.
 */
@Component
class ChatRoomShareable implements ShareableResource {

    static final int PUBLIC_MESSAGE_COUNT = 50;

    private final ChatRoomRepository rooms;
    private final ChatMessageRepository messages;
    private final UserDirectory users;

    ChatRoomShareable(ChatRoomRepository rooms, ChatMessageRepository messages,
            UserDirectory users) {
        this.rooms = rooms;
        this.messages = messages;
        this.users = users;
    }

    @Override
    public ResourceType type() {
        return ResourceType.CHAT_ROOM;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> ownerOf(long resourceId) {
        return rooms.findById(resourceId).map(ChatRoom::ownerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Object clientId(long resourceId) {
        return rooms.findById(resourceId).map(ChatRoom::roomKey).orElse(null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> resolveId(String clientId) {
        return rooms.findByRoomKey(clientId).map(ChatRoom::id);
    }

    /** A shared room as a public link shows it. */
    record PublicRoom(String roomId, Instant createdAt, List<ChatMessageView> messages) {
    }

    @Override
    @Transactional(readOnly = true)
    public Object publicView(long resourceId) {
        ChatRoom room = rooms.findById(resourceId).orElseThrow(() -> ApiException.notFound("Room not found"));
        List<ChatMessage> latest = messages.findByRoomId(room.id(),
                OffsetPageRequest.of(0, PUBLIC_MESSAGE_COUNT, Sort.by(Sort.Order.desc("id"))));
        var names = users.findUsernames(latest.stream().map(ChatMessage::userId).toList());
        return new PublicRoom(room.roomKey(), room.createdAt(),
                latest.stream().map(message -> ChatMessageView.of(message, room.roomKey(), names.get(message.userId())))
                        .toList());
    }
}
