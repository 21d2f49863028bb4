package io.allice.platform.collaboration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.allice.platform.shared.sharing.ResourceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the record behind a public share link. Anyone with the link may stream it, and a player
 * sends one request per range, so the lookup is one SQL statement outside a transaction.
 */
@Component
class PublicLinks {

    /** A shared record: its type and id. */
    record LinkedRecord(ResourceType type, long id) {
    }

    private final JdbcClient jdbc;

    PublicLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the record of a public link that has not expired at {@code now}, or empty. */
    Optional<LinkedRecord> find(String token, Instant now) {
        return jdbc.sql("select resource_type, resource_id from shares where share_token = :token "
                        + "and shared_with_user_id is null and (expires_at is null or expires_at > :now)")
                .param("token", token)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((row, rowNumber) -> new LinkedRecord(type(row.getString(1)), row.getLong(2)))
                .optional();
    }

    private static ResourceType type(String stored) {
        // The token is a secret, so the message names only the stored type.
        return ResourceType.parse(stored)
                .orElseThrow(() -> new IllegalStateException("A share link names the unknown record type '" + stored + "'"));
    }
}
