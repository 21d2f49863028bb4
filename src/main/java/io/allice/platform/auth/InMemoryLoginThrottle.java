package io.allice.platform.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.allice.platform.shared.redis.ConditionalOnNoRedisUrl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The single-instance throttle, used when no Redis is configured. */
@Component
@ConditionalOnNoRedisUrl
class InMemoryLoginThrottle implements LoginThrottle {

    private record Window(int failures, Instant endsAt) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Duration windowLength;
    private final Clock clock;

    InMemoryLoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.windowLength = properties.window();
        this.clock = clock;
    }

    @Override
    public long secondsUntilAllowed(String key, int maxFailures) {
        Window window = windows.get(key);
        Instant now = clock.instant();
        if (window == null || !window.endsAt().isAfter(now) || window.failures() < maxFailures) {
            return 0;
        }
        return Math.max(1, Duration.between(now, window.endsAt()).toSeconds() + 1);
    }

    @Override
    public void recordFailure(String key) {
        Instant now = clock.instant();
        windows.compute(key, (ignored, window) -> window == null || !window.endsAt().isAfter(now)
                ? new Window(1, now.plus(windowLength))
                : new Window(window.failures() + 1, window.endsAt()));
    }

    @Override
    public void reset(String key) {
        windows.remove(key);
    }

    /** Drops ended windows, so addresses that stop trying do not stay in memory. */
    @Scheduled(fixedDelayString = "PT1M")
    void purgeEndedWindows() {
        Instant now = clock.instant();
        windows.values().removeIf(window -> !window.endsAt().isAfter(now));
    }
}
