package io.allice.platform.collaboration;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.allice.platform.shared.redis.ConditionalOnNoRedisUrl;
import org.springframework.stereotype.Component;

/** Presence for a single instance. */
@Component
@ConditionalOnNoRedisUrl
class InMemoryChatPresence implements ChatPresence {

    private final Map<String, Map<String, Long>> rooms = new ConcurrentHashMap<>();

    @Override
    public void join(String roomKey, String connectionId, long userId) {
        rooms.computeIfAbsent(roomKey, key -> new ConcurrentHashMap<>()).put(connectionId, userId);
    }

    @Override
    public void leave(String roomKey, String connectionId) {
        rooms.computeIfPresent(roomKey, (key, connections) -> {
            connections.remove(connectionId);
            return connections.isEmpty() ? null : connections;
        });
    }

    @Override
    public Set<Long> online(String roomKey) {
        Map<String, Long> connections = rooms.get(roomKey);
        return connections == null ? Set.of() : connections.values().stream().collect(Collectors.toSet());
    }
}
