package io.allice.platform.shared.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Access-token settings.
 *
 * @param secretKey HMAC-SHA256 key, at least 32 bytes; when blank, a key is generated once and
 *     kept in the data directory
 * @param expireMinutes token lifetime in minutes
 */
@Validated
@ConfigurationProperties("allice.jwt")
public record JwtProperties(String secretKey, @Min(1) @Max(525_600) long expireMinutes) {

    @Override
    public String toString() {
        return "JwtProperties[secretKey=***, expireMinutes=" + expireMinutes + "]";
    }
}
