package io.allice.platform.integrations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.allice.platform.integrations.connector.ServiceName;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issued OAuth states: {@code base64url(nonce.user.service.expiry).base64url(HMAC-SHA256)}, and
 * one row per state in {@code integration_oauth_states}, keyed by the SHA-256 of the nonce.
 */
final class OAuthStates {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_STATE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final byte[] signingKey;

    OAuthStates(JdbcClient jdbc, byte[] signingKey) {
        this.jdbc = jdbc;
        this.signingKey = signingKey;
    }

    /** A state whose signature is valid; not yet checked for expiry, service or use. */
    record Verified(String nonce, long userId, String service, Instant expiresAt) {
    }

    /** A consumed state's row. */
    record Pending(String nonceHash, long userId, String encryptedVerifier) {
    }

    void insert(String nonce, long userId, ServiceName service, String encryptedVerifier, Instant expiresAt) {
        jdbc.sql("""
                insert into integration_oauth_states (nonce_hash, user_id, service_name, code_verifier, expires_at)
                values (:hash, :user, :service, :verifier, :expires)""")
                .param("hash", hash(nonce)).param("user", userId).param("service", service.id())
                .param("verifier", encryptedVerifier).param("expires", utc(expiresAt))
                .update();
    }

    void purgeExpired(Instant now) {
        jdbc.sql("delete from integration_oauth_states where expires_at < :now")
                .param("now", utc(now)).update();
    }

    String sign(String nonce, long userId, ServiceName service, Instant expiresAt) {
        String payload = ENCODER.encodeToString((nonce + "." + userId + "." + service.id() + "." + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** Checks the signature in constant time and reads the state's fields. */
    Optional<Verified> verify(String state) {
        if (state == null || state.length() > MAX_STATE_LENGTH) {
            return Optional.empty();
        }
        int dot = state.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = state.substring(0, dot);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(state.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] fields = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\.");
            if (fields.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new Verified(fields[0], Long.parseLong(fields[1]), fields[2],
                    Instant.ofEpochSecond(Long.parseLong(fields[3]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Deletes the state's row; only the caller whose delete removed it gets the row, so a state
     * replayed at the same moment fails.
     */
    Optional<Pending> consume(Verified verified) {
        String hash = hash(verified.nonce());
        List<Pending> rows = jdbc.sql("""
                select code_verifier from integration_oauth_states
                where nonce_hash = :hash and user_id = :user and service_name = :service""")
                .param("hash", hash).param("user", verified.userId()).param("service", verified.service())
                .query((row, number) -> new Pending(hash, verified.userId(), row.getString(1))).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int deleted = jdbc.sql("delete from integration_oauth_states where nonce_hash = :hash").param("hash", hash).update();
        return deleted == 1 ? Optional.of(rows.getFirst()) : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String hash(String nonce) {
        return TokenCipher.sha256Hex(nonce);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
