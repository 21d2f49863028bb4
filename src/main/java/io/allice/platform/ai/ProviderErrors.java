package io.allice.platform.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.error.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Maps a failed provider call to the platform's response. Authentication failures never repeat
 * the provider's message, because some providers quote part of the key in it.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    /** Removes any configured key from a detail, in case a provider quoted it. */
    static ApiException redacted(ApiException error, AiProperties properties) {
        String detail = error.getMessage();
        for (AiProperties.Provider provider : List.of(properties.openai(), properties.google(), properties.replicate())) {
            if (provider.hasKey()) {
                detail = detail.replace(provider.apiKey(), "[redacted]");
            }
        }
        return new ApiException(error.status(), detail, error.errors(), error.headers());
    }

    static ApiException toApiException(ProviderException error, ProviderAdapter adapter, Duration timeout,
            Duration retryBackoff) {
        String provider = adapter.name();
        String message = error.getMessage();
        return switch (error.kind()) {
            case BAD_REQUEST -> new ApiException(HttpStatus.BAD_REQUEST, provider + " rejected the request: " + message);
            case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, provider + " reports not found: " + message);
            case UNAUTHORIZED -> new ApiException(HttpStatus.BAD_GATEWAY, provider + " rejected the platform's credentials"
                    + " (HTTP " + error.providerStatus() + "); an administrator must check "
                    + adapter.configurationVariable());
            case RATE_LIMITED -> {
                long seconds = error.retryAfterSeconds() != null ? error.retryAfterSeconds()
                        : Math.max(1, retryBackoff.toSeconds());
                yield new ApiException(HttpStatus.TOO_MANY_REQUESTS, provider + " is rate limiting requests: " + message,
                        List.of(), Map.of("Retry-After", Long.toString(Math.max(1, seconds))));
            }
            case UNAVAILABLE -> new ApiException(HttpStatus.BAD_GATEWAY, provider + " failed: " + message);
            case TIMED_OUT -> new ApiException(HttpStatus.GATEWAY_TIMEOUT, provider + " did not respond within "
                    + timeout.toMillis() + " ms");
        };
    }
}
