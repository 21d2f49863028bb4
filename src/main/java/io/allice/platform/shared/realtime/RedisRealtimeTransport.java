package io.allice.platform.shared.realtime;

import java.util.function.Consumer;

import io.allice.platform.shared.redis.ConditionalOnRedisUrl;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes frames on a Redis channel that every instance subscribes to, so a client gets its
 * events whichever instance it is connected to. Frames from one instance arrive in the order
 * it published them, because they share one connection.
 */
@Component
@ConditionalOnRedisUrl
class RedisRealtimeTransport implements RealtimeTransport {

    private static final Logger log = LoggerFactory.getLogger(RedisRealtimeTransport.class);
    static final String CHANNEL = "allice:realtime";

    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final JsonMapper jsonMapper;
    private volatile Consumer<Envelope> receiver = envelope -> { };

    RedisRealtimeTransport(RedisClient client, StatefulRedisConnection<String, String> publisher, JsonMapper jsonMapper) {
        this.publisher = publisher;
        this.jsonMapper = jsonMapper;
        this.subscriber = client.connectPubSub();
        this.subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliver(message);
            }
        });
        this.subscriber.sync().subscribe(CHANNEL);
    }

    @Override
    public void publish(Envelope envelope) {
        publisher.async().publish(CHANNEL, jsonMapper.writeValueAsString(envelope));
    }

    @Override
    public void onReceive(Consumer<Envelope> receiver) {
        this.receiver = receiver;
    }

    private void deliver(String message) {
        try {
            receiver.accept(jsonMapper.readValue(message, Envelope.class));
        } catch (RuntimeException e) {
            log.warn("Dropped a real-time message from Redis that could not be delivered: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        subscriber.close();
    }
}
