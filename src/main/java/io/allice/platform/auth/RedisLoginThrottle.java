package io.allice.platform.auth;

import io.allice.platform.shared.redis.ConditionalOnRedisUrl;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.stereotype.Component;

/** The throttle shared by every instance: one counter per key that expires with its window. */
@Component
@ConditionalOnRedisUrl
class RedisLoginThrottle implements LoginThrottle {

    private static final String PREFIX = "allice:login-failures:";

    private final StatefulRedisConnection<String, String> connection;
    private final long windowMillis;

    RedisLoginThrottle(StatefulRedisConnection<String, String> connection, LoginThrottleProperties properties) {
        this.connection = connection;
        this.windowMillis = properties.window().toMillis();
    }

    @Override
    public long secondsUntilAllowed(String key, int maxFailures) {
        RedisCommands<String, String> redis = connection.sync();
        String count = redis.get(PREFIX + key);
        if (count == null || Long.parseLong(count) < maxFailures) {
            return 0;
        }
        long remainingMillis = redis.pttl(PREFIX + key);
        return remainingMillis <= 0 ? 0 : remainingMillis / 1000 + 1;
    }

    @Override
    public void recordFailure(String key) {
        RedisCommands<String, String> redis = connection.sync();
        if (redis.incr(PREFIX + key) == 1) {
            redis.pexpire(PREFIX + key, windowMillis);
        }
    }

    @Override
    public void reset(String key) {
        connection.sync().del(PREFIX + key);
    }
}
