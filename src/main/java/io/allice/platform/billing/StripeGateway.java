package io.allice.platform.billing;

import java.util.List;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Stripe API calls billing makes, through the official SDK. Each call sends the API version
 * that this SDK release is built for ({@link Stripe#API_VERSION}), so Stripe answers in the shapes
 * the SDK's models read. A failure becomes an {@link io.allice.platform.shared.error.ApiException}.
 */
@Component
class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final BillingProperties properties;
    private final StripeClient client;

    StripeGateway(BillingProperties properties) {
        this.properties = properties;
        this.client = properties.hasSecretKey() ? StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build() : null;
        if (client != null) {
            log.info("Stripe billing enabled against {} with API version {}", properties.apiBase(), Stripe.API_VERSION);
        }
    }

    private StripeClient client() {
        properties.requireSecretKey();
        return client;
    }

    /** Creates the user's customer; the idempotency key makes a repeated call return the same customer. */
    Customer createCustomer(long userId, String email, String name) {
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setEmail(email)
                .setName(name)
                .putMetadata("user_id", Long.toString(userId))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("allice-customer-" + userId).build();
        try {
            return client().v1().customers().create(params, options);
        } catch (StripeException e) {
            throw StripeErrors.translate(e, "create the Stripe customer");
        }
    }

    Session createCheckoutSession(long userId, String customerId, String successUrl, String cancelUrl) {
        properties.requirePriceId();
        String user = Long.toString(userId);
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customerId)
                .setClientReferenceId(user)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(properties.priceId()).setQuantity(1L).build())
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .putMetadata("user_id", user)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putMetadata("user_id", user).build())
                .build();
        try {
            return client().v1().checkout().sessions().create(params);
        } catch (StripeException e) {
            throw StripeErrors.translate(e, "create the checkout session");
        }
    }

    Subscription retrieveSubscription(String subscriptionId) {
        try {
            return client().v1().subscriptions().retrieve(subscriptionId);
        } catch (StripeException e) {
            throw StripeErrors.translate(e, "read the subscription");
        }
    }

    Subscription setCancelAtPeriodEnd(String subscriptionId, boolean cancelAtPeriodEnd) {
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancelAtPeriodEnd).build();
        try {
            return client().v1().subscriptions().update(subscriptionId, params);
        } catch (StripeException e) {
            throw StripeErrors.translate(e, cancelAtPeriodEnd ? "cancel the subscription" : "reactivate the subscription");
        }
    }

    Subscription cancelNow(String subscriptionId) {
        try {
            return client().v1().subscriptions().cancel(subscriptionId, SubscriptionCancelParams.builder().build());
        } catch (StripeException e) {
            throw StripeErrors.translate(e, "cancel the subscription");
        }
    }

    List<Invoice> listInvoices(String customerId, int limit) {
        InvoiceListParams params = InvoiceListParams.builder().setCustomer(customerId).setLimit((long) limit).build();
        try {
            return client().v1().invoices().list(params).getData();
        } catch (StripeException e) {
            throw StripeErrors.translate(e, "list the invoices");
        }
    }
}
