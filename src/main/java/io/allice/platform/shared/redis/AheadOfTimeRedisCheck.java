package io.allice.platform.shared.redis;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start-up check that fails a start in Spring's AOT mode when {@code REDIS_URL} is set. The build
 * evaluates {@link ConditionalOnRedisUrl} once, without Redis, so the code it writes contains only
 * the in-process beans. Started with Redis, that code would keep rate limits, revocations and
 * fan-out per instance without a word, so the start fails with the way out instead.
 */
@Component
class AheadOfTimeRedisCheck {

    AheadOfTimeRedisCheck(@Value("${allice.redis-url:}") String redisUrl) {
        rejectRedisInAotMode(AotDetector.useGeneratedArtifacts(), redisUrl);
    }

    static void rejectRedisInAotMode(boolean aotMode, String redisUrl) {
        if (aotMode && redisUrl != null && !redisUrl.isBlank()) {
            throw new IllegalStateException("REDIS_URL is set, but this service runs in Spring's AOT mode"
                    + " (spring.aot.enabled=true), whose beans were chosen at build time without Redis."
                    + " Start it without -Dspring.aot.enabled=true, for example with java -jar.");
        }
    }
}
