package io.allice.platform.billing;

import java.util.List;
import java.util.Map;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Maps a failed Stripe call to the problem the client gets. Problems on Stripe's side or in the
 * configuration are 502 (503 while Stripe rate-limits), so a client never mistakes them for an
 * empty result. Stripe's own message is passed on only where it describes the request (invalid
 * request, declined card), never for a rejected API key.
 */
final class StripeErrors {

    private static final Logger log = LoggerFactory.getLogger(StripeErrors.class);

    private StripeErrors() {
    }

    /** Logs the failure of {@code action} (for example "create the checkout session") and returns the problem. */
    static ApiException translate(StripeException failure, String action) {
        log.warn("Stripe call to {} failed: status={} code={} request_id={} type={}", action,
                failure.getStatusCode(), failure.getCode(), failure.getRequestId(), failure.getClass().getSimpleName());
        return switch (failure) {
            case CardException card -> new ApiException(HttpStatus.PAYMENT_REQUIRED,
                    "Stripe declined the payment: " + stripeMessage(card));
            case RateLimitException ignored -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Stripe is rate-limiting requests, so the service could not " + action + ". Try again shortly.",
                    List.of(), Map.of("Retry-After", "5"));
            case PermissionException ignored -> badGateway("The configured Stripe key (STRIPE_SECRET_KEY) is not "
                    + "permitted to " + action);
            case AuthenticationException ignored -> badGateway("Stripe rejected the configured secret key "
                    + "(STRIPE_SECRET_KEY), so the service could not " + action);
            case IdempotencyException ignored -> new ApiException(HttpStatus.CONFLICT,
                    "A concurrent request to " + action + " is still in progress. Try again shortly.");
            case InvalidRequestException invalid -> badGateway("Stripe rejected the request to " + action + ": "
                    + stripeMessage(invalid));
            case ApiConnectionException ignored -> badGateway("Stripe could not be reached, so the service could not "
                    + action);
            default -> badGateway("Stripe failed to " + action + " (HTTP status " + failure.getStatusCode() + ")");
        };
    }

    private static ApiException badGateway(String detail) {
        return new ApiException(HttpStatus.BAD_GATEWAY, detail);
    }

    private static String stripeMessage(StripeException failure) {
        if (failure.getStripeError() != null && failure.getStripeError().getMessage() != null) {
            return failure.getStripeError().getMessage();
        }
        return "no reason given";
    }
}
