package io.allice.platform.shared.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Token buckets by key, each refilled to its limit once a minute. */
interface RateLimitBuckets {

    Duration WINDOW = Duration.ofMinutes(1);

    /** Takes one token from the bucket of {@code key}, creating it full with {@code limit} tokens. */
    ConsumptionProbe tryConsume(String key, long limit);

    static BucketConfiguration configuration(long limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, WINDOW))
                .build();
    }
}
