package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A verified token is reused, but what can change while it is in use is checked every time. */
class VerifiedTokensTests {

    private final AtomicInteger verifications = new AtomicInteger();
    private final Set<String> revoked = new HashSet<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("Signed with another key");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").jti(token).subject("1")
                .issuedAt(Instant.parse("2025-12-31T23:00:00Z"))
                .expiresAt(Instant.parse("2026-01-01T01:00:00Z")).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, jwt -> {
        if (revoked.contains(jwt.getId())) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null));
        }
        if (!now.get().isBefore(jwt.getExpiresAt())) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null));
        }
        return OAuth2TokenValidatorResult.success();
    });

    @Test
    void verifiesATokensSignatureOnce() {
        tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again.getSubject()).isEqualTo("1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverRemembersARejectedToken() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void rejectsARememberedTokenOnceRevoked() {
        tokens.decode("good-2");
        revoked.add("good-2");

        assertThatThrownBy(() -> tokens.decode("good-2"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The token was revoked");
    }

    @Test
    void rejectsARememberedTokenOnceExpired() {
        tokens.decode("good-3");
        now.set(Instant.parse("2026-01-01T01:00:00Z"));

        assertThatThrownBy(() -> tokens.decode("good-3"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
    }
}
