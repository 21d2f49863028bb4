package io.allice.platform.shared.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.allice.platform.shared.redis.ConditionalOnNoRedisUrl;
import org.springframework.stereotype.Component;

/**
 * Invalidations on this instance only. Without Redis the service runs as one instance, as the
 * rate limits and real-time fan-out already assume.
 */
@Component
@ConditionalOnNoRedisUrl
public class LocalCacheInvalidations implements CacheInvalidations {

    private final Map<String, Consumer<String>> receivers = new ConcurrentHashMap<>();

    @Override
    public void publish(String cache, String key) {
        Consumer<String> receiver = receivers.get(cache);
        if (receiver != null) {
            receiver.accept(key);
        }
    }

    @Override
    public void subscribe(String cache, Consumer<String> onKey, Runnable onReset) {
        receivers.put(cache, onKey);
    }

    @Override
    public boolean isLive() {
        return true;
    }
}
