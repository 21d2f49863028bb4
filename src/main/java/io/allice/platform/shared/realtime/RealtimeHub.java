package io.allice.platform.shared.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.allice.platform.shared.realtime.RealtimeTransport.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.allice.platform.shared.security.AccessEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends real-time events to users and to topic subscribers on every instance. Areas call
 * {@link #sendToUser} and {@link #sendToTopic}; WebSocket connections and Server-Sent Events
 * streams register here to receive them. A frame is serialized once, whatever the number of
 * receivers.
 */
@Component
public class RealtimeHub {

    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);

    private final RealtimeTransport transport;
    private final JsonMapper jsonMapper;
    private final Map<Long, Set<Consumer<String>>> userReceivers = new ConcurrentHashMap<>();
    private final Map<String, Set<Consumer<String>>> topicReceivers = new ConcurrentHashMap<>();
    private final Set<TopicRevoker> revokers = ConcurrentHashMap.newKeySet();
    private final Set<ConnectionCloser> closers = ConcurrentHashMap.newKeySet();

    RealtimeHub(RealtimeTransport transport, JsonMapper jsonMapper) {
        this.transport = transport;
        this.jsonMapper = jsonMapper;
        transport.onReceive(this::deliverLocally);
    }

    /** Sends a frame, written as a JSON object, to every connection of the user on any instance. */
    public void sendToUser(long userId, Object frame) {
        transport.publish(new Envelope(Envelope.Kind.TO_USER, userId, null, null, jsonMapper.writeValueAsString(frame)));
    }

    /** Sends a frame to every connection subscribed to the topic on any instance. */
    public void sendToTopic(String topic, Object frame) {
        transport.publish(new Envelope(Envelope.Kind.TO_TOPIC, null, topic, null, jsonMapper.writeValueAsString(frame)));
    }

    /**
     * Takes the user's connections, on every instance, off the topic and sends them the frame,
     * for example when the user was removed from a chat room.
     */
    public void revokeTopic(long userId, String topic, Object frame) {
        transport.publish(new Envelope(Envelope.Kind.REVOKE_TOPIC, userId, topic, null, jsonMapper.writeValueAsString(frame)));
    }

    /** Closes, on every instance, the connections opened with a token that was signed out, or all of a deleted account's. */
    @EventListener
    public void on(AccessEnded ended) {
        transport.publish(new Envelope(Envelope.Kind.CLOSE, ended.userId(), null, ended.tokenId(), null));
    }

    /**
     * Registers how to close one connection when its token is signed out or its account is
     * deleted. Closing the returned handle removes it.
     */
    public AutoCloseable onAccessEnded(String tokenId, long userId, Runnable close) {
        ConnectionCloser closer = new ConnectionCloser(tokenId, userId, close);
        closers.add(closer);
        return () -> closers.remove(closer);
    }

    private record ConnectionCloser(String tokenId, long userId, Runnable close) {

        boolean matches(Envelope envelope) {
            return envelope.tokenId() == null ? envelope.userId() == userId : envelope.tokenId().equals(tokenId);
        }
    }

    /** Registers what takes a user's connections off a topic; the WebSocket handler does. */
    void onRevoke(TopicRevoker revoker) {
        revokers.add(revoker);
    }

    /** Takes one user's local connections off a topic. */
    interface TopicRevoker {
        void revoke(long userId, String topic, String frame);
    }

    /**
     * Registers a receiver of the user's frames on this instance, as serialized JSON. Closing the
     * returned handle removes it.
     */
    public AutoCloseable listenToUser(long userId, Consumer<String> receiver) {
        userReceivers.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(receiver);
        return () -> remove(userReceivers, userId, receiver);
    }

    AutoCloseable listenToTopic(String topic, Consumer<String> receiver) {
        topicReceivers.computeIfAbsent(topic, name -> ConcurrentHashMap.newKeySet()).add(receiver);
        return () -> remove(topicReceivers, topic, receiver);
    }

    /** Returns the number of this instance's receivers of a topic, for presence reports. */
    public int localSubscriberCount(String topic) {
        Set<Consumer<String>> receivers = topicReceivers.get(topic);
        return receivers == null ? 0 : receivers.size();
    }

    private void deliverLocally(Envelope envelope) {
        switch (envelope.kind()) {
            case REVOKE_TOPIC -> {
                revokers.forEach(revoker -> revoker.revoke(envelope.userId(), envelope.topic(), envelope.frame()));
                return;
            }
            case CLOSE -> {
                closers.stream().filter(closer -> closer.matches(envelope)).toList()
                        .forEach(closer -> closer.close().run());
                return;
            }
            default -> {
                // TO_USER and TO_TOPIC deliver the frame below.
            }
        }
        Set<Consumer<String>> receivers = envelope.kind() == Envelope.Kind.TO_USER
                ? userReceivers.get(envelope.userId())
                : topicReceivers.get(envelope.topic());
        if (receivers == null) {
            return;
        }
        for (Consumer<String> receiver : receivers) {
            try {
                receiver.accept(envelope.frame());
            } catch (RuntimeException e) {
                log.debug("A real-time receiver failed: {}", e.getMessage());
            }
        }
    }

    private static <K> void remove(Map<K, Set<Consumer<String>>> registry, K key, Consumer<String> receiver) {
        registry.computeIfPresent(key, (ignored, receivers) -> {
            receivers.remove(receiver);
            return receivers.isEmpty() ? null : receivers;
        });
    }
}
