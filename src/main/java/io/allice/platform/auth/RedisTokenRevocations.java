package io.allice.platform.auth;

import java.time.Clock;
import java.time.Instant;

import io.allice.platform.shared.redis.ConditionalOnRedisUrl;
import io.allice.platform.shared.security.TokenRevocations;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.stereotype.Component;

/** Revoked tokens in Redis, each key expiring when its token would have. */
@Component
@ConditionalOnRedisUrl
class RedisTokenRevocations implements TokenRevocations {

    private static final String PREFIX = "allice:revoked-token:";

    private final StatefulRedisConnection<String, String> connection;
    private final Clock clock;

    RedisTokenRevocations(StatefulRedisConnection<String, String> connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public void revoke(String tokenId, long userId, Instant expiresAt) {
        if (!expiresAt.isAfter(clock.instant())) {
            return;
        }
        connection.sync().set(PREFIX + tokenId, Long.toString(userId), SetArgs.Builder.pxAt(expiresAt.toEpochMilli()));
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return connection.sync().exists(PREFIX + tokenId) > 0;
    }
}
