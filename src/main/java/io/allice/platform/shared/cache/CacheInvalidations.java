package io.allice.platform.shared.cache;

import java.util.function.Consumer;

/**
 * Carries "this entry changed" messages for {@link InvalidatedCache}s to every instance of the
 * service: in-process without {@code REDIS_URL}, through Redis pub/sub with it.
 */
public interface CacheInvalidations {

    /**
     * Invalidates {@code key} of the cache named {@code cache} on this instance before it returns,
     * and sends the message to the other instances.
     */
    void publish(String cache, String key);

    /**
     * Registers the receiver of one cache's messages. {@code onKey} receives each invalidated key.
     * {@code onReset} runs when messages may have been missed, so the cache must drop everything.
     */
    void subscribe(String cache, Consumer<String> onKey, Runnable onReset);

    /**
     * Returns whether messages from other instances are arriving now. While they are not, a cache
     * must not serve stored entries, because a change on another instance would go unnoticed.
     */
    boolean isLive();
}
