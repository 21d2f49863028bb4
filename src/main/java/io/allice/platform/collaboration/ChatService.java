package io.allice.platform.collaboration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.allice.platform.auth.UserDirectory;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.allice.platform.shared.persistence.OffsetPageRequest;
import io.allice.platform.shared.realtime.RealtimeHub;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareGrants;
import io.allice.platform.shared.sharing.SharePermission;
import io.allice.platform.shared.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat rooms, members and messages. Only members, and users the room is shared with, see a
 * room: to anyone else it does not exist (404). Each change to a room's messages locks the room row and is published to the
 * room's topic before the commit, so every subscriber, on any instance, receives changes in
 * the order they were stored.
 */
@Service
class ChatService {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("id"));

    private final ChatRoomRepository rooms;
    private final ChatRoomMemberRepository members;
    private final ChatMessageRepository messages;
    private final ChatRoomCreator roomCreator;
    private final UserDirectory users;
    private final ShareGrants grants;
    private final RealtimeHub hub;
    private final Clock clock;

    ChatService(ChatRoomRepository rooms, ChatRoomMemberRepository members, ChatMessageRepository messages,
            ChatRoomCreator roomCreator, UserDirectory users, ShareGrants grants, RealtimeHub hub, Clock clock) {
        this.rooms = rooms;
        this.members = members;
        this.messages = messages;
        this.roomCreator = roomCreator;
        this.users = users;
        this.grants = grants;
        this.hub = hub;
        this.clock = clock;
    }

    /** Stores a client's message, creating the room with the sender as owner when it is new. */
    @Transactional
    ChatMessageView send(AuthenticatedUser sender, String roomKey, String text, String messageType,
            Map<String, Object> metadata) {
        String type = messageType == null ? "text" : messageType;
        validateMessage(roomKey, text, type, metadata);
        ChatRoom room = rooms.lockByRoomKey(roomKey).orElse(null);
        if (room == null) {
            roomCreator.createIfAbsent(roomKey, sender.id());
            room = rooms.lockByRoomKey(roomKey).orElseThrow(() -> roomNotFound(roomKey));
        }
        Optional<ChatRoomMember> membership = requireWriter(room, sender.id());
        ChatMessage saved = messages.saveAndFlush(new ChatMessage(room.id(), sender.id(), text, type, metadata,
                clock.instant()));
        membership.ifPresent(member -> member.readUpTo(saved.id()));
        ChatMessageView view = ChatMessageView.of(saved, roomKey, sender.username());
        publish(room, "chat.message", view);
        log.debug("User {} sent message {} to room {}", sender.id(), saved.id(), room.id());
        return view;
    }

    /**
     * Returns a page of history, newest first. With {@code before}, only messages older than
     * that id, so pages stay stable while new messages arrive. Reading the newest page marks
     * the room read.
     */
    @Transactional
    List<ChatMessageView> history(long userId, String roomKey, Paging paging, Long before) {
        ChatRoom room = rooms.findByRoomKey(roomKey).orElseThrow(() -> roomNotFound(roomKey));
        Optional<ChatRoomMember> membership = requireReader(room, userId);
        OffsetPageRequest page = OffsetPageRequest.of(paging.skip(), paging.limit(), NEWEST_FIRST);
        List<ChatMessage> found = before == null
                ? messages.findByRoomId(room.id(), page)
                : messages.findByRoomIdAndIdLessThan(room.id(), before, page);
        if (paging.skip() == 0 && before == null && !found.isEmpty()) {
            membership.ifPresent(member -> member.readUpTo(found.getFirst().id()));
        }
        return views(found, roomKey);
    }

    /** Returns the caller's rooms, most recently active first, with their last message and unread count. */
    @Transactional(readOnly = true)
    List<ChatRoomSummary> roomsOf(long userId) {
        List<ChatRoomRepository.RoomRow> rows = rooms.findRoomsOf(userId);
        List<Long> lastIds = rows.stream().map(ChatRoomRepository.RoomRow::lastMessageId)
                .filter(java.util.Objects::nonNull).toList();
        Map<Long, ChatMessage> lastMessages = messages.findAllById(lastIds).stream()
                .collect(Collectors.toMap(ChatMessage::id, Function.identity()));
        Map<Long, String> names = users.findUsernames(lastMessages.values().stream().map(ChatMessage::userId)
                .collect(Collectors.toSet()));
        return rows.stream()
                .sorted(Comparator.comparing((ChatRoomRepository.RoomRow row) ->
                        row.lastMessageId() == null ? 0L : row.lastMessageId()).reversed())
                .map(row -> {
                    ChatMessage last = row.lastMessageId() == null ? null : lastMessages.get(row.lastMessageId());
                    ChatMessageView lastView = last == null ? null
                            : ChatMessageView.of(last, row.roomKey(), names.get(last.userId()));
                    return new ChatRoomSummary(row.roomKey(), row.ownerId(), row.role(), lastView, row.unreadCount());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    List<ChatMemberView> membersOf(long userId, String roomKey) {
        ChatRoom room = rooms.findByRoomKey(roomKey).orElseThrow(() -> roomNotFound(roomKey));
        requireReader(room, userId);
        List<ChatRoomMember> found = members.findByKeyRoomIdOrderByJoinedAt(room.id());
        Map<Long, String> names = users.findUsernames(found.stream().map(ChatRoomMember::userId).toList());
        return found.stream().map(member -> ChatMemberView.of(member, names.get(member.userId()))).toList();
    }

    /** Adds a member; only the owner may. Returns the member and whether it was new. */
    @Transactional
    AddedMember addMember(AuthenticatedUser caller, String roomKey, long userId) {
        ChatRoom room = rooms.lockByRoomKey(roomKey).orElseThrow(() -> roomNotFound(roomKey));
        requireReader(room, caller.id());
        requireOwner(room, caller, "add members");
        String username = users.findContact(userId).map(UserDirectory.UserContact::username)
                .orElseThrow(() -> ApiException.notFound("User " + userId + " not found"));
        var existing = members.findById(new ChatRoomMember.Key(room.id(), userId));
        if (existing.isPresent()) {
            return new AddedMember(ChatMemberView.of(existing.get(), username), false);
        }
        ChatRoomMember member = members.saveAndFlush(new ChatRoomMember(room.id(), userId, false, clock.instant()));
        postSystemMessage(room, caller, caller.username() + " added " + username);
        log.info("User {} added user {} to chat room {}", caller.id(), userId, room.id());
        return new AddedMember(ChatMemberView.of(member, username), true);
    }

    /** A member after an add request, and whether the request created it. */
    record AddedMember(ChatMemberView member, boolean created) {
    }

    /** Removes a member: the owner may remove anyone else, and any member may leave. */
    @Transactional
    void removeMember(AuthenticatedUser caller, String roomKey, long userId) {
        ChatRoom room = rooms.lockByRoomKey(roomKey).orElseThrow(() -> roomNotFound(roomKey));
        requireReader(room, caller.id());
        boolean leaving = userId == caller.id();
        if (leaving && room.ownerId() == caller.id()) {
            throw ApiException.badRequest("The owner cannot leave the room");
        }
        if (!leaving) {
            requireOwner(room, caller, "remove members");
        }
        ChatRoomMember member = members.findById(new ChatRoomMember.Key(room.id(), userId))
                .orElseThrow(() -> ApiException.notFound("User " + userId + " is not a member of room " + roomKey));
        members.delete(member);
        members.flush();
        String name = users.findUsernames(List.of(userId)).getOrDefault(userId, "user " + userId);
        postSystemMessage(room, caller, leaving ? name + " left" : caller.username() + " removed " + name);
        hub.revokeTopic(userId, room.topic(), Map.of("type", "chat.removed", "room_id", roomKey));
        log.info("User {} removed user {} from chat room {}", caller.id(), userId, room.id());
    }

    @Transactional
    ChatMessageView edit(AuthenticatedUser caller, long messageId, String text) {
        MessageInRoom target = senderMessage(caller, messageId, "edit");
        if (target.message().deleted()) {
            throw ApiException.conflict("Message " + messageId + " was deleted and cannot be edited");
        }
        validateText(text, new ArrayList<>(), true);
        target.message().edit(text, clock.instant());
        messages.flush();
        ChatMessageView view = ChatMessageView.of(target.message(), target.room().roomKey(), caller.username());
        publish(target.room(), "chat.message.edited", view);
        return view;
    }

    @Transactional
    void delete(AuthenticatedUser caller, long messageId) {
        MessageInRoom target = senderMessage(caller, messageId, "delete");
        if (target.message().deleted()) {
            return;
        }
        target.message().delete(clock.instant());
        messages.flush();
        publish(target.room(), "chat.message.deleted",
                ChatMessageView.of(target.message(), target.room().roomKey(), caller.username()));
        log.info("User {} deleted chat message {}", caller.id(), messageId);
    }

    /** Checks that the user may follow the room in real time; to a non-member it does not exist. */
    @Transactional(readOnly = true)
    ChatRoom roomForMember(long userId, String roomKey) {
        if (roomKey == null || !roomKey.matches(ChatRules.ROOM_ID_PATTERN)) {
            throw ApiException.invalidField("room_id", ChatRules.ROOM_ID_MESSAGE);
        }
        ChatRoom room = rooms.findByRoomKey(roomKey).orElseThrow(() -> roomNotFound(roomKey));
        requireReader(room, userId);
        return room;
    }

    @Transactional(readOnly = true)
    boolean canRead(long userId, String roomKey) {
        return rooms.findByRoomKey(roomKey)
                .map(room -> members.existsById(new ChatRoomMember.Key(room.id(), userId))
                        || grants.grantedTo(userId, ResourceType.CHAT_ROOM, room.id()).isPresent())
                .orElse(false);
    }

    private record MessageInRoom(ChatMessage message, ChatRoom room) {
    }

    private MessageInRoom senderMessage(AuthenticatedUser caller, long messageId, String action) {
        ChatMessage message = messages.findById(messageId).orElseThrow(() -> messageNotFound(messageId));
        ChatRoom room = rooms.findById(message.roomId()).orElseThrow(() -> messageNotFound(messageId));
        rooms.lockByRoomKey(room.roomKey());
        if (!members.existsById(new ChatRoomMember.Key(room.id(), caller.id()))
                && grants.grantedTo(caller.id(), ResourceType.CHAT_ROOM, room.id()).isEmpty()) {
            throw messageNotFound(messageId);
        }
        if (ChatRules.SYSTEM_MESSAGE_TYPE.equals(message.messageType())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "System message " + messageId + " cannot be changed");
        }
        if (message.userId() != caller.id()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only the sender may " + action + " message " + messageId);
        }
        return new MessageInRoom(message, room);
    }

    private void postSystemMessage(ChatRoom room, AuthenticatedUser actor, String text) {
        ChatMessage saved = messages.saveAndFlush(new ChatMessage(room.id(), actor.id(), text,
                ChatRules.SYSTEM_MESSAGE_TYPE, null, clock.instant()));
        publish(room, "chat.message", ChatMessageView.of(saved, room.roomKey(), actor.username()));
    }

    private void publish(ChatRoom room, String type, ChatMessageView view) {
        hub.sendToTopic(room.topic(), Map.of("type", type, "data", view));
    }

    private List<ChatMessageView> views(List<ChatMessage> found, String roomKey) {
        Set<Long> senders = new HashSet<>();
        found.forEach(message -> senders.add(message.userId()));
        Map<Long, String> names = users.findUsernames(senders);
        return found.stream().map(message -> ChatMessageView.of(message, roomKey, names.get(message.userId()))).toList();
    }

    /**
     * Checks that the user may read the room: as a member, or through a share. Returns the
     * membership, which a share-based reader does not have.
     */
    private Optional<ChatRoomMember> requireReader(ChatRoom room, long userId) {
        Optional<ChatRoomMember> membership = members.findById(new ChatRoomMember.Key(room.id(), userId));
        if (membership.isEmpty() && grants.grantedTo(userId, ResourceType.CHAT_ROOM, room.id()).isEmpty()) {
            throw roomNotFound(room.roomKey());
        }
        return membership;
    }

    /** Checks that the user may post: as a member, or through an edit share; a viewer gets 403. */
    private Optional<ChatRoomMember> requireWriter(ChatRoom room, long userId) {
        Optional<ChatRoomMember> membership = members.findById(new ChatRoomMember.Key(room.id(), userId));
        if (membership.isPresent()) {
            return membership;
        }
        SharePermission permission = grants.grantedTo(userId, ResourceType.CHAT_ROOM, room.id())
                .orElseThrow(() -> roomNotFound(room.roomKey()));
        if (!permission.allowsEdit()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Room " + room.roomKey() + " is shared with you for reading only");
        }
        return membership;
    }

    private static void requireOwner(ChatRoom room, AuthenticatedUser caller, String action) {
        if (room.ownerId() != caller.id()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Only the room's owner may " + action);
        }
    }

    private static void validateMessage(String roomKey, String text, String type, Map<String, Object> metadata) {
        List<FieldViolation> violations = new ArrayList<>();
        if (roomKey == null || !roomKey.matches(ChatRules.ROOM_ID_PATTERN)) {
            violations.add(new FieldViolation("room_id", ChatRules.ROOM_ID_MESSAGE));
        } else if (roomKey.equals(ChatRules.RESERVED_ROOM_ID)) {
            violations.add(new FieldViolation("room_id", "'rooms' is reserved; choose another name"));
        }
        validateText(text, violations, false);
        if (ChatRules.SYSTEM_MESSAGE_TYPE.equals(type)) {
            violations.add(new FieldViolation("message_type", "'system' messages come only from the platform"));
        } else if (!ChatRules.CLIENT_MESSAGE_TYPES.contains(type)) {
            violations.add(new FieldViolation("message_type", "must be text, file or image"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("metadata", metadata);
        violations.addAll(UnstorableCharacters.violations(values));
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
    }

    private static void validateText(String text, List<FieldViolation> violations, boolean throwNow) {
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation("message", "must not be blank"));
        } else if (text.length() > ChatRules.MAX_MESSAGE_LENGTH) {
            violations.add(new FieldViolation("message", "must be at most 5000 characters"));
        } else if (UnstorableCharacters.contains(text)) {
            violations.add(new FieldViolation("message", UnstorableCharacters.MESSAGE));
        }
        if (throwNow && !violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
    }

    private static ApiException roomNotFound(String roomKey) {
        return ApiException.notFound("Room " + roomKey + " not found");
    }

    private static ApiException messageNotFound(long messageId) {
        return ApiException.notFound("Message " + messageId + " not found");
    }
}
