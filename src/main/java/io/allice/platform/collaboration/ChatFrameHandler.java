package io.allice.platform.collaboration;

import java.util.Map;
import java.util.Set;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.realtime.RealtimeConnection;
import io.allice.platform.shared.realtime.RealtimeFrameHandler;
import io.allice.platform.shared.realtime.RealtimeFrameRejectedException;
import io.allice.platform.shared.realtime.RealtimeHub;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.security.Role;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat frames of {@code /ws}: {@code subscribe} and {@code unsubscribe} to a room,
 * {@code send} a message (stored exactly like one sent over REST), and {@code typing}. A room
 * the user is not a member of reads as not found, as over REST.
 */
@Component
class ChatFrameHandler implements RealtimeFrameHandler {

    private static final Set<String> TYPES = Set.of("subscribe", "unsubscribe", "send", "typing");
    private static final String TOPIC_PREFIX = "chat:";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ChatService chat;
    private final ChatPresence presence;
    private final RealtimeHub hub;
    private final JsonMapper jsonMapper;

    ChatFrameHandler(ChatService chat, ChatPresence presence, RealtimeHub hub, JsonMapper jsonMapper) {
        this.chat = chat;
        this.presence = presence;
        this.hub = hub;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public boolean supports(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void handle(RealtimeConnection connection, JsonNode frame) {
        String type = frame.get("type").asString();
        String roomKey = frame.path("room_id").isString() ? frame.get("room_id").asString() : null;
        try {
            switch (type) {
                case "subscribe" -> subscribe(connection, roomKey);
                case "unsubscribe" -> unsubscribe(connection, roomKey);
                case "send" -> send(connection, roomKey, frame);
                case "typing" -> typing(connection, roomKey);
                default -> throw new RealtimeFrameRejectedException("Unknown frame type '" + type + "'");
            }
        } catch (ApiException rejected) {
            throw new RealtimeFrameRejectedException(rejected.getMessage());
        }
    }

    private void subscribe(RealtimeConnection connection, String roomKey) {
        ChatRoom room = chat.roomForMember(connection.userId(), roomKey);
        connection.subscribe(room.topic());
        presence.join(roomKey, connection.id(), connection.userId());
        connection.send(Map.of("type", "subscribed", "room_id", roomKey));
        announcePresence(room.topic(), roomKey, connection, "joined");
    }

    private void unsubscribe(RealtimeConnection connection, String roomKey) {
        String topic = TOPIC_PREFIX + roomKey;
        if (roomKey == null || !connection.topics().contains(topic)) {
            throw new RealtimeFrameRejectedException("Not subscribed to room " + roomKey);
        }
        connection.unsubscribe(topic);
        presence.leave(roomKey, connection.id());
        connection.send(Map.of("type", "unsubscribed", "room_id", roomKey));
        announcePresence(topic, roomKey, connection, "left");
    }

    private void send(RealtimeConnection connection, String roomKey, JsonNode frame) {
        String message = frame.path("message").isString() ? frame.get("message").asString() : null;
        String messageType = frame.path("message_type").isString() ? frame.get("message_type").asString() : null;
        JsonNode metadataNode = frame.get("metadata");
        if (metadataNode != null && !metadataNode.isNull() && !metadataNode.isObject()) {
            throw new RealtimeFrameRejectedException("metadata: must be a JSON object");
        }
        Map<String, Object> metadata = metadataNode == null || metadataNode.isNull() ? null
                : jsonMapper.convertValue(metadataNode, JSON_OBJECT);
        AuthenticatedUser sender = new AuthenticatedUser(connection.userId(), connection.username(), Role.USER);
        // Subscribing first means the sender receives its own message in the room's order.
        String topic = TOPIC_PREFIX + roomKey;
        if (roomKey != null && !connection.topics().contains(topic) && chat.canRead(connection.userId(), roomKey)) {
            subscribe(connection, roomKey);
        }
        ChatMessageView sent = chat.send(sender, roomKey, message, messageType, metadata);
        if (!connection.topics().contains(topic)) {
            // The message created the room, so it was published before anyone could subscribe.
            subscribe(connection, roomKey);
            connection.send(Map.of("type", "chat.message", "data", sent));
        }
    }

    private void typing(RealtimeConnection connection, String roomKey) {
        ChatRoom room = chat.roomForMember(connection.userId(), roomKey);
        hub.sendToTopic(room.topic(), Map.of("type", "typing", "room_id", roomKey,
                "user_id", connection.userId(), "username", connection.username()));
    }

    @Override
    public void connectionClosed(RealtimeConnection connection, Set<String> topics) {
        for (String topic : topics) {
            if (topic.startsWith(TOPIC_PREFIX)) {
                String roomKey = topic.substring(TOPIC_PREFIX.length());
                presence.leave(roomKey, connection.id());
                announcePresence(topic, roomKey, connection, "left");
            }
        }
    }

    private void announcePresence(String topic, String roomKey, RealtimeConnection connection, String status) {
        hub.sendToTopic(topic, Map.of("type", "presence", "room_id", roomKey, "user_id", connection.userId(),
                "username", connection.username(), "status", status,
                "online_user_ids", presence.online(roomKey).stream().sorted().toList()));
    }
}
