package io.allice.platform.shared.cache;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.allice.platform.shared.redis.ConditionalOnRedisUrl;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invalidations sent to every instance on a Redis channel. {@link #publish} waits until Redis
 * has accepted the message, and Redis has by then queued it to every subscribed instance, so
 * another instance sees the change after the pub/sub delivery time, usually before the client
 * that made the change can send its next request.
 *
 * <p>Redis does not store pub/sub messages, so those sent while this instance's subscription
 * is down are lost. {@link #isLive()} is false from the moment the connection drops, and every
 * cache is reset once Lettuce has subscribed again.
 */
@Component
@ConditionalOnRedisUrl
class RedisCacheInvalidations implements CacheInvalidations {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheInvalidations.class);
    static final String CHANNEL = "allice:cache-invalidation";

    /** Tells this instance's own messages apart, which it has applied before sending them. */
    private final String instanceId = UUID.randomUUID().toString();
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final Map<String, Receiver> receivers = new ConcurrentHashMap<>();
    private volatile boolean live;

    RedisCacheInvalidations(RedisClient client, StatefulRedisConnection<String, String> publisher) {
        this.publisher = publisher;
        this.subscriber = client.connectPubSub();
        this.subscriber.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                live = false;
                log.warn("Lost the Redis subscription to {}; caches are bypassed until it is back", CHANNEL);
                resetAll();
            }
        });
        this.subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void subscribed(String channel, long count) {
                // Also called when Lettuce subscribes again after a reconnect.
                resetAll();
                live = true;
            }

            @Override
            public void message(String channel, String message) {
                deliver(message);
            }
        });
        this.subscriber.sync().subscribe(CHANNEL);
    }

    @Override
    public void publish(String cache, String key) {
        Receiver receiver = receivers.get(cache);
        if (receiver != null) {
            receiver.onKey().accept(key);
        }
        try {
            publisher.sync().publish(CHANNEL, String.join(" ", instanceId, cache, key));
        } catch (RedisException e) {
            // The change itself is stored; other instances whose subscription is also down bypass their caches.
            log.error("Could not send the invalidation of {} {} to other instances", cache, key, e);
        }
    }

    @Override
    public void subscribe(String cache, Consumer<String> onKey, Runnable onReset) {
        receivers.put(cache, new Receiver(onKey, onReset));
    }

    @Override
    public boolean isLive() {
        return live && subscriber.isOpen();
    }

    private void deliver(String message) {
        List<String> parts = List.of(message.split(" ", 3));
        if (parts.size() != 3) {
            log.warn("Ignored a malformed message on {}", CHANNEL);
            return;
        }
        if (parts.get(0).equals(instanceId)) {
            return;
        }
        Receiver receiver = receivers.get(parts.get(1));
        if (receiver != null) {
            receiver.onKey().accept(parts.get(2));
        }
    }

    private void resetAll() {
        receivers.values().forEach(receiver -> receiver.onReset().run());
    }

    @PreDestroy
    void close() {
        subscriber.close();
    }

    private record Receiver(Consumer<String> onKey, Runnable onReset) {
    }
}
