package io.allice.platform.shared.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A shared Redis connection when {@code REDIS_URL} is set. Areas that keep state across
 * instances (revoked tokens, rate limits, fan-out) use it when it exists and keep that state
 * in-process or in the database otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedisUrl
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(@Value("${allice.redis-url}") String url) {
        RedisClient client = RedisClient.create(url);
        log.info("Using Redis at {}", url.replaceAll("//[^@/]*@", "//***@"));
        return client;
    }

    /** One thread-safe connection, which Lettuce multiplexes across callers. */
    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }
}
