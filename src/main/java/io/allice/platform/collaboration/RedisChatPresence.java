package io.allice.platform.collaboration;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.allice.platform.shared.redis.ConditionalOnRedisUrl;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.stereotype.Component;

/**
 * Presence shared by every instance: one Redis hash per room, from connection to user id. Each
 * field name starts with a random id of this instance, because two instances may hand out the
 * same connection id.
 */
@Component
@ConditionalOnRedisUrl
class RedisChatPresence implements ChatPresence {

    private static final String PREFIX = "allice:chat-presence:";

    private final StatefulRedisConnection<String, String> connection;
    private final String instanceId = UUID.randomUUID().toString();

    RedisChatPresence(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    @Override
    public void join(String roomKey, String connectionId, long userId) {
        connection.sync().hset(PREFIX + roomKey, instanceId + ":" + connectionId, Long.toString(userId));
    }

    @Override
    public void leave(String roomKey, String connectionId) {
        connection.sync().hdel(PREFIX + roomKey, instanceId + ":" + connectionId);
    }

    // NOTE: an instance that crashes leaves its entries behind until its users reconnect and leave.
    @Override
    public Set<Long> online(String roomKey) {
        return connection.sync().hvals(PREFIX + roomKey).stream().map(Long::valueOf).collect(Collectors.toSet());
    }
}
