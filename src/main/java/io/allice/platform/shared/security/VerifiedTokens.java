package io.allice.platform.shared.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature and fixed claims were verified, so that a client sending the
 * same token on every request pays for parsing and the HMAC once. The cache key is the whole
 * token, so only a byte-identical token is a hit. What can change while a token is in use, its
 * expiry and its revocation, is checked again on every request by {@code everyUse}.
 */
final class VerifiedTokens implements JwtDecoder {

    private static final int MAX_TOKENS = 10_000;
    private static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> everyUse;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterWrite(KEPT_FOR)
            .build();

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> everyUse) {
        this.verifier = verifier;
        this.everyUse = everyUse;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            // A token that fails verification throws here and is never cached.
            jwt = verifier.decode(token);
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = everyUse.validate(jwt);
        if (result.hasErrors()) {
            String reason = result.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .filter(description -> description != null && !description.isBlank())
                    .findFirst()
                    .orElse("Unable to validate Jwt");
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + reason,
                    result.getErrors());
        }
        return jwt;
    }
}
