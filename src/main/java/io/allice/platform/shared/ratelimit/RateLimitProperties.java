package io.allice.platform.shared.ratelimit;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Requests allowed per minute. Signed-in callers are counted per account and tier, AI
 * endpoints ({@code /api/ai/**}) in a bucket of their own; anonymous callers per client address.
 *
 * @param freePerMinute requests per minute for a caller without an active or trialing subscription
 * @param proPerMinute requests per minute for a caller with one
 * @param aiFreePerMinute requests per minute to {@code /api/ai/**} on the free tier
 * @param aiProPerMinute requests per minute to {@code /api/ai/**} on the pro tier
 * @param anonymousPerMinute requests per minute from one client address without a token
 * @param exemptPaths paths never limited, such as the Stripe webhook and the health check
 * @param redisKeyPrefix prefix of the bucket keys in Redis
 */
@Validated
@ConfigurationProperties("allice.rate-limit")
public record RateLimitProperties(
        @Min(1) long freePerMinute,
        @Min(1) long proPerMinute,
        @Min(1) long aiFreePerMinute,
        @Min(1) long aiProPerMinute,
        @Min(1) long anonymousPerMinute,
        List<String> exemptPaths,
        @NotBlank String redisKeyPrefix) {

    public RateLimitProperties {
        exemptPaths = exemptPaths == null ? List.of() : List.copyOf(exemptPaths);
    }

    long perMinute(RateLimitTier tier, boolean ai) {
        return switch (tier) {
            case FREE -> ai ? aiFreePerMinute : freePerMinute;
            case PRO -> ai ? aiProPerMinute : proPerMinute;
        };
    }
}
