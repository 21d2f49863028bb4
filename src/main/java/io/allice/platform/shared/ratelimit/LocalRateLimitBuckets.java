package io.allice.platform.shared.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.allice.platform.shared.redis.ConditionalOnNoRedisUrl;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Buckets in this process, for a single instance without Redis. */
@Component
@ConditionalOnNoRedisUrl
class LocalRateLimitBuckets implements RateLimitBuckets {

    private final ConcurrentMap<String, LimitedBucket> buckets = new ConcurrentHashMap<>();

    @Override
    public ConsumptionProbe tryConsume(String key, long limit) {
        LimitedBucket bucket = buckets.computeIfAbsent(key,
                ignored -> new LimitedBucket(Bucket.builder().addLimit(b -> b.capacity(limit)
                        .refillIntervally(limit, WINDOW)).build(), limit));
        return bucket.bucket().tryConsumeAndReturnRemaining(1);
    }

    /** Drops full buckets, so the map holds only callers seen within the last minute or so. */
    @Scheduled(fixedDelay = 60_000)
    void evictFullBuckets() {
        buckets.values().removeIf(bucket -> bucket.bucket().getAvailableTokens() >= bucket.limit());
    }

    private record LimitedBucket(Bucket bucket, long limit) {
    }
}
