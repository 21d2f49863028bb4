package io.allice.platform.auth;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on failed logins. After {@code maxFailuresPerAccount} failures for one account, or
 * {@code maxFailuresPerAddress} from one client address, within {@code window} (counted from
 * the first failure), further attempts get 429 until the window ends.
 */
@Validated
@ConfigurationProperties("allice.login-throttle")
record LoginThrottleProperties(
        @Min(1) int maxFailuresPerAccount,
        @Min(1) int maxFailuresPerAddress,
        @NotNull Duration window) {
}
