package io.allice.platform.shared.cache;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded in-process cache of values loaded from the database (or Redis), with invalidation
 * on every instance, for state that a hot path reads on every request and that changes rarely.
 * The writer calls {@link #invalidate} after its transaction commits.
 *
 * <p>A load that races with an invalidation of the same key cannot leave a stale value behind:
 * Caffeine computes under the key's lock, so the invalidation waits for the load and then
 * removes what it stored.
 *
 * @param <K> the key, which must print to and parse from a string without spaces
 * @param <V> the value; never null, so wrap a missing record in {@link java.util.Optional}
 */
public final class InvalidatedCache<K, V> {

    private final String name;
    private final Cache<K, V> entries;
    private final CacheInvalidations invalidations;

    /**
     * @param name unique among caches, the same on every instance
     * @param maximumSize entries kept; the least used beyond it are evicted and loaded again when needed
     * @param parseKey turns a key received from another instance back into a key
     */
    public InvalidatedCache(String name, long maximumSize, Function<String, K> parseKey,
            CacheInvalidations invalidations) {
        this.name = name;
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.invalidations = invalidations;
        invalidations.subscribe(name, key -> entries.invalidate(parseKey.apply(key)), entries::invalidateAll);
    }

    /** Returns the cached value, loading and storing it first when it is missing. */
    public V get(K key, Function<? super K, ? extends V> load) {
        if (!invalidations.isLive()) {
            return load.apply(key);
        }
        return entries.get(key, load);
    }

    /** Drops the entry here and on every other instance, so that the next read loads it again. */
    public void invalidate(K key) {
        invalidations.publish(name, key.toString());
    }
}
