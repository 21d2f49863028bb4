package io.allice.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Revoked tokens and login failures kept in the local Redis, as they are when REDIS_URL is set.
 * Redis keeps its keys between test runs, so the per-address limit is high enough that earlier
 * runs from 127.0.0.1 cannot block this one. Every key the tests read names a fresh account or
 * token.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "allice.redis-url=" + RedisAccountStateIntegrationTests.REDIS_URL,
        "allice.login-throttle.max-failures-per-address=1000000",
        "allice.database-pool-size=4"})
class RedisAccountStateIntegrationTests {

    static final String REDIS_URL = "redis://127.0.0.1:6379";

    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> connection;

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottleProperties limits;

    ApiClient api;
    RedisCommands<String, String> redis;

    @BeforeAll
    static void connectToRedis() {
        redisClient = RedisClient.create(REDIS_URL);
        connection = redisClient.connect();
    }

    @AfterAll
    static void disconnectFromRedis() {
        connection.close();
        redisClient.shutdown();
    }

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        redis = connection.sync();
    }

    @Test
    void logoutStoresRevocationInRedis() {
        Session account = api.registerNew("redis");
        Session otherLogin = api.login(account.username(), TestAccounts.PASSWORD);
        String key = "allice:revoked-token:" + tokenId(account.token());

        Response logout = api.post("/api/auth/logout", account.token(), null);

        assertThat(logout.status()).isEqualTo(200);
        assertThat(redis.exists(key)).isEqualTo(1L);
        assertThat(redis.get(key)).isEqualTo(Long.toString(account.userId()));
        assertThat(redis.pttl(key)).isPositive();
        assertThat(api.get("/api/auth/me", account.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", otherLogin.token()).status()).isEqualTo(200);
    }

    @Test
    void failedLoginsCountInRedis() {
        Session account = api.registerNew("Redis");
        String key = "allice:login-failures:account:" + account.username().toLowerCase(Locale.ROOT);
        for (int attempt = 1; attempt <= limits.maxFailuresPerAccount(); attempt++) {
            assertThat(login(account.username(), "wrong password " + attempt).status()).isEqualTo(401);
        }

        Response response = login(account.username(), TestAccounts.PASSWORD);

        assertThat(redis.get(key)).isEqualTo(Integer.toString(limits.maxFailuresPerAccount()));
        assertThat(redis.pttl(key)).isPositive();
        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isGreaterThanOrEqualTo(1);
    }

    private Response login(String username, String password) {
        return api.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    private static String tokenId(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new IllegalStateException("The service issued a token that is not a JWT", e);
        }
    }
}
