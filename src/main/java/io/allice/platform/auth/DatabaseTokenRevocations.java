package io.allice.platform.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.allice.platform.shared.redis.ConditionalOnNoRedisUrl;
import io.allice.platform.shared.security.TokenRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Revoked tokens in the database, which every instance shares. */
@Component
@ConditionalOnNoRedisUrl
class DatabaseTokenRevocations implements TokenRevocations {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTokenRevocations.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseTokenRevocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void revoke(String tokenId, long userId, Instant expiresAt) {
        try {
            jdbc.sql("insert into revoked_tokens (token_id, user_id, expires_at) values (?, ?, ?)")
                    .params(tokenId, userId, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException alreadyRevoked) {
            log.debug("Token {} of user {} was already revoked", tokenId, userId);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return jdbc.sql("select count(*) from revoked_tokens where token_id = ?")
                .param(tokenId).query(Long.class).single() > 0;
    }

    /** Deletes rows whose tokens have expired anyway, so the table stays small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpired() {
        int purged = jdbc.sql("delete from revoked_tokens where expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        if (purged > 0) {
            log.info("Purged {} expired revoked-token rows", purged);
        }
    }
}
