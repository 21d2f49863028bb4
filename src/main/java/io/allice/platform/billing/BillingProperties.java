package io.allice.platform.billing;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.allice.platform.shared.error.ApiException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe settings, from {@code STRIPE_SECRET_KEY}, {@code STRIPE_PUBLISHABLE_KEY},
 * {@code STRIPE_WEBHOOK_SECRET}, {@code STRIPE_PRICE_ID} and {@code STRIPE_API_BASE}. The keys
 * and the webhook secret come only from the environment and are never logged.
 *
 * @param apiBase Stripe API base URL without {@code /v1}
 * @param webhookTolerance how old a signed webhook may be before it is rejected
 * @param maxNetworkRetries retries of a failed Stripe request, which the SDK sends with an idempotency key
 */
@Validated
@ConfigurationProperties("allice.stripe")
record BillingProperties(
        String secretKey,
        String publishableKey,
        String webhookSecret,
        String priceId,
        @NotBlank String apiBase,
        @NotNull Duration webhookTolerance,
        @Min(0) int maxNetworkRetries) {

    boolean hasSecretKey() {
        return secretKey != null && !secretKey.isBlank();
    }

    void requireSecretKey() {
        if (!hasSecretKey()) {
            throw notConfigured("STRIPE_SECRET_KEY");
        }
    }

    void requirePriceId() {
        if (priceId == null || priceId.isBlank()) {
            throw notConfigured("STRIPE_PRICE_ID");
        }
    }

    void requireWebhookSecret() {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw notConfigured("STRIPE_WEBHOOK_SECRET");
        }
    }

    private static ApiException notConfigured(String variable) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "Billing is not configured: set the " + variable + " environment variable");
    }

    @Override
    public String toString() {
        return "BillingProperties[secretKey=***, publishableKey=" + publishableKey + ", webhookSecret=***, priceId="
                + priceId + ", apiBase=" + apiBase + ", webhookTolerance=" + webhookTolerance + "]";
    }
}
