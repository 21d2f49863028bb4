package io.allice.platform.billing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies and handles Stripe webhook events. Each event id is handled once: the id is stored in
 * the same transaction as the event's effects, so a second delivery, even a concurrent one, finds
 * it and changes nothing.
 */
@Service
class StripeWebhookService {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookService.class);

    enum Outcome { HANDLED, DUPLICATE, IGNORED }

    private final BillingProperties properties;
    private final StripeGateway stripe;
    private final SubscriptionMirror mirror;
    private final BillingCustomerRepository customers;
    private final ProcessedWebhookEventRepository processedEvents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StripeWebhookService(BillingProperties properties, StripeGateway stripe, SubscriptionMirror mirror,
            BillingCustomerRepository customers, ProcessedWebhookEventRepository processedEvents,
            TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.stripe = stripe;
        this.mirror = mirror;
        this.customers = customers;
        this.processedEvents = processedEvents;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Checks the {@code Stripe-Signature} header against the exact bytes Stripe sent and returns
     * the event. Stripe signs the UTF-8 payload, so decoding it as UTF-8 keeps every byte the SDK hashes.
     */
    Event verify(byte[] body, String signature) {
        properties.requireWebhookSecret();
        if (signature == null || signature.isBlank()) {
            throw ApiException.badRequest("The Stripe-Signature header is missing");
        }
        try {
            return Webhook.constructEvent(new String(body, StandardCharsets.UTF_8), signature,
                    properties.webhookSecret(), properties.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            log.warn("Rejected a Stripe webhook: {}", e.getMessage());
            throw ApiException.badRequest("The Stripe-Signature header is invalid or too old: " + e.getMessage());
        } catch (RuntimeException e) {
            // The SDK lets Gson's JsonParseException through for a body that is not JSON.
            log.warn("Rejected a Stripe webhook whose body is not an event: {}", e.getClass().getSimpleName());
            throw ApiException.badRequest("The webhook body is not a Stripe event");
        }
    }

    Outcome handle(Event event) {
        if (processedEvents.existsById(event.getId())) {
            log.info("Stripe event {} ({}) was already handled", event.getId(), event.getType());
            return Outcome.DUPLICATE;
        }
        try {
            return transactions.execute(status -> {
                processedEvents.saveAndFlush(new ProcessedWebhookEvent(event.getId(), event.getType(), clock.instant()));
                return dispatch(event);
            });
        } catch (DataIntegrityViolationException e) {
            if (processedEvents.existsById(event.getId())) {
                log.info("Stripe event {} ({}) was handled by a concurrent delivery", event.getId(), event.getType());
                return Outcome.DUPLICATE;
            }
            throw e;
        }
    }

    private Outcome dispatch(Event event) {
        switch (event.getType()) {
            case "checkout.session.completed" -> onCheckoutCompleted((Session) dataObject(event));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    mirror.apply(SubscriptionState.of((Subscription) dataObject(event), createdAt(event)));
            case "invoice.paid", "invoice.payment_succeeded" -> refreshFrom((Invoice) dataObject(event));
            case "invoice.payment_failed" -> onPaymentFailed((Invoice) dataObject(event));
            default -> {
                log.debug("Acknowledged Stripe event {} of unhandled type {}", event.getId(), event.getType());
                return Outcome.IGNORED;
            }
        }
        log.info("Handled Stripe event {} ({})", event.getId(), event.getType());
        return Outcome.HANDLED;
    }

    private void onCheckoutCompleted(Session session) {
        Long userId = SubscriptionState.userIdFrom(session.getMetadata());
        if (session.getCustomer() != null && userId != null && customers.findByStripeCustomerId(session.getCustomer()).isEmpty()
                && !customers.existsById(userId)) {
            customers.saveAndFlush(new BillingCustomer(userId, session.getCustomer(), clock.instant()));
        }
        if (session.getSubscription() != null) {
            refresh(session.getSubscription());
        }
    }

    private void onPaymentFailed(Invoice invoice) {
        refreshFrom(invoice);
        Optional<BillingCustomer> customer = customers.findByStripeCustomerId(invoice.getCustomer());
        customer.ifPresentOrElse(found -> mirror.notifyPaymentFailed(found.userId()),
                () -> log.warn("Payment of invoice {} failed for Stripe customer {}, which belongs to no user of this service",
                        invoice.getId(), invoice.getCustomer()));
    }

    /** Invoice events carry no subscription state, so the subscription is read from Stripe as it is now. */
    private void refreshFrom(Invoice invoice) {
        String subscriptionId = invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null
                ? null : invoice.getParent().getSubscriptionDetails().getSubscription();
        if (subscriptionId != null) {
            refresh(subscriptionId);
        }
    }

    private void refresh(String subscriptionId) {
        Instant fetchedAt = SubscriptionState.fetchedAt(clock);
        mirror.apply(SubscriptionState.of(stripe.retrieveSubscription(subscriptionId), fetchedAt));
    }

    private Instant createdAt(Event event) {
        return event.getCreated() == null ? clock.instant() : Instant.ofEpochSecond(event.getCreated());
    }

    /**
     * Reads the event's object. The SDK reads it safely only when the event's API version is the
     * SDK's own; for another version it is read as far as the SDK's model allows.
     */
    private static StripeObject dataObject(Event event) {
        Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
        if (object.isPresent()) {
            return object.get();
        }
        try {
            return event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw ApiException.badRequest("The object of Stripe event " + event.getId() + " could not be read");
        }
    }
}
