package io.allice.platform.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Issues signed access tokens. Verification is Spring Security's resource server. */
public class AccessTokens {

    static final String ISSUER = "allice";

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, Duration lifetime, Clock clock) {
        this.encoder = encoder;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A signed token and the facts a caller may need about it. */
    public record IssuedToken(String value, String tokenId, Instant expiresAt, long expiresInSeconds) {

        @Override
        public String toString() {
            return "IssuedToken[tokenId=" + tokenId + ", expiresAt=" + expiresAt + "]";
        }
    }

    public IssuedToken issue(long userId, String username) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime);
        String tokenId = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .id(tokenId)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("username", username)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, tokenId, expiresAt, lifetime.toSeconds());
    }
}
