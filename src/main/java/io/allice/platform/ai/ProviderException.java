package io.allice.platform.ai;

/**
 * A provider call that failed, classified so that the service can map it to one HTTP status.
 * The message is the provider's own error message and never contains the platform's key.
 */
final class ProviderException extends RuntimeException {

    enum Kind { BAD_REQUEST, NOT_FOUND, UNAUTHORIZED, RATE_LIMITED, UNAVAILABLE, TIMED_OUT }

    private final Kind kind;
    private final int providerStatus;
    private final Long retryAfterSeconds;

    ProviderException(Kind kind, int providerStatus, String message, Long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.providerStatus = providerStatus;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Classifies a provider's HTTP error status. */
    static ProviderException fromStatus(int status, String message, Long retryAfterSeconds) {
        Kind kind = switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 408, 504 -> Kind.TIMED_OUT;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.BAD_REQUEST;
        };
        return new ProviderException(kind, status, message, retryAfterSeconds);
    }

    static ProviderException timedOut() {
        return new ProviderException(Kind.TIMED_OUT, 0, "no response within the time limit", null);
    }

    static ProviderException unreachable(String reason) {
        return new ProviderException(Kind.UNAVAILABLE, 0, reason, null);
    }

    Kind kind() {
        return kind;
    }

    /** The provider's HTTP status, or 0 when no response arrived. */
    int providerStatus() {
        return providerStatus;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE && providerStatus >= 500;
    }
}
