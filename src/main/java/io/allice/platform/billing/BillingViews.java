package io.allice.platform.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import com.stripe.model.Invoice;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Request and response bodies of the billing API. */
final class BillingViews {

    private BillingViews() {
    }

    record CheckoutRequest(
            @NotBlank @Schema(example = "https://your-app.com/success") String successUrl,
            @NotBlank @Schema(example = "https://your-app.com/cancel") String cancelUrl) {
    }

    record CheckoutView(@Schema(example = "cs_test_a1b2c3") String sessionId, String url) {
    }

    /**
     * @param price the price in the currency's major unit, such as 49.99
     */
    record SubscriptionView(long id, @Schema(example = "active") String status, Instant currentPeriodStart,
            Instant currentPeriodEnd, boolean cancelAtPeriodEnd, @Schema(example = "49.99") BigDecimal price,
            @Schema(example = "usd") String currency) {

        static SubscriptionView of(BillingSubscription subscription) {
            return new SubscriptionView(subscription.id(), subscription.status(), subscription.currentPeriodStart(),
                    subscription.currentPeriodEnd(), subscription.cancelAtPeriodEnd(),
                    majorUnits(subscription.unitAmount(), subscription.currency()), subscription.currency());
        }
    }

    record InvoiceView(@Schema(example = "in_1a2b3c") String id, long amountDue, long amountPaid, String currency,
            @Schema(example = "paid") String status, Instant created, String invoicePdf, String hostedInvoiceUrl) {

        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.getId(), orZero(invoice.getAmountDue()), orZero(invoice.getAmountPaid()),
                    invoice.getCurrency(), invoice.getStatus(), SubscriptionState.epochSeconds(invoice.getCreated()),
                    invoice.getInvoicePdf(), invoice.getHostedInvoiceUrl());
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }

    record Message(String message) {
    }

    /** Currencies that Stripe counts in whole units, so their amounts are not divided by 100. */
    private static final Set<String> ZERO_DECIMAL_CURRENCIES = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf",
            "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

    static BigDecimal majorUnits(Long minorUnits, String currency) {
        if (minorUnits == null) {
            return null;
        }
        boolean zeroDecimal = currency != null && ZERO_DECIMAL_CURRENCIES.contains(currency.toLowerCase(Locale.ROOT));
        return BigDecimal.valueOf(minorUnits, zeroDecimal ? 0 : 2);
    }
}
