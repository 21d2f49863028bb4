package io.allice.platform.shared.ratelimit;

import java.time.Duration;

import io.allice.platform.shared.redis.ConditionalOnRedisUrl;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Buckets in Redis, shared by every instance. Bucket4j updates them with compare-and-swap, and
 * Redis drops a bucket once it would have refilled completely.
 */
@Component
@ConditionalOnRedisUrl
class RedisRateLimitBuckets implements RateLimitBuckets, DisposableBean {

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final String keyPrefix;

    RedisRateLimitBuckets(RedisClient client, RateLimitProperties properties) {
        // Bucket4j stores its state as bytes, so it needs a connection with a byte-array value codec.
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.keyPrefix = properties.redisKeyPrefix();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, long limit) {
        return buckets.builder()
                .build(keyPrefix + key, () -> RateLimitBuckets.configuration(limit))
                .tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void destroy() {
        connection.close();
    }
}
