package io.allice.platform.shared.redis;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stops a start in Spring's AOT mode when {@code REDIS_URL} is set. The build evaluates the
 * conditions of {@link ConditionalOnRedisUrl} once, without Redis, so the code made at build time
 * holds only the in-process beans; started with Redis it would silently keep rate limits,
 * revocations and fan-out per instance. Failing names the two ways out instead.
 */
@Component
class AheadOfTimeRedisCheck {

    AheadOfTimeRedisCheck(@Value("${allice.redis-url:}") String redisUrl) {
        refuseRedisInAotMode(AotDetector.useGeneratedArtifacts(), redisUrl);
    }

    static void refuseRedisInAotMode(boolean aotMode, String redisUrl) {
        if (aotMode && redisUrl != null && !redisUrl.isBlank()) {
            throw new IllegalStateException("REDIS_URL is set, but this service runs in Spring's AOT mode"
                    + " (spring.aot.enabled=true), whose beans were chosen at build time without Redis."
                    + " Start it without -Dspring.aot.enabled=true, for example with java -jar.");
        }
    }
}
