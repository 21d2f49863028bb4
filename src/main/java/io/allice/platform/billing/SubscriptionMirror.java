package io.allice.platform.billing;

import java.time.Clock;
import java.util.Optional;

import io.allice.platform.notifications.NotificationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes Stripe's subscription state into the platform's mirror and tells the user when a
 * subscription starts or ends. State older than what the mirror has is ignored, so webhooks that
 * arrive out of order never overwrite newer state.
 */
@Component
class SubscriptionMirror {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionMirror.class);

    private final BillingCustomerRepository customers;
    private final BillingSubscriptionRepository subscriptions;
    private final SubscriptionRateLimitTiers tiers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionMirror(BillingCustomerRepository customers, BillingSubscriptionRepository subscriptions,
            SubscriptionRateLimitTiers tiers, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.tiers = tiers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies {@code state} unless the mirror already has state as new or newer, or the subscription
     * already ended (Stripe never revives a canceled subscription). Joins the caller's transaction,
     * in which it locks the customer's row and publishes {@link NotificationRequested} for a start
     * or an end; the user's cached rate-limit tier is dropped once that transaction commits.
     *
     * @return the mirror row, or empty when no user could be found for the subscription's customer
     */
    @Transactional(propagation = Propagation.REQUIRED)
    Optional<BillingSubscription> apply(SubscriptionState state) {
        Optional<BillingCustomer> customer = customers.lockByStripeCustomerId(state.customerId());
        Long userId = customer.map(BillingCustomer::userId).orElse(state.userIdHint());
        if (userId == null) {
            log.warn("Ignored subscription {} because no user has Stripe customer {}", state.subscriptionId(),
                    state.customerId());
            return Optional.empty();
        }

        BillingSubscription mirror = subscriptions.findByStripeSubscriptionId(state.subscriptionId())
                .orElseGet(() -> new BillingSubscription(userId, state.subscriptionId(), clock.instant()));
        // NOTE: state read from Stripe is dated by this server's clock and events by Stripe's, so a
        // clock skew of more than a second can let a slightly older event win over a fetch or lose to it.
        if (mirror.stateAsOf().isAfter(state.asOf())) {
            log.info("Ignored state of subscription {} as of {}, older than the stored state as of {}",
                    state.subscriptionId(), state.asOf(), mirror.stateAsOf());
            return Optional.of(mirror);
        }
        if (SubscriptionStatus.CANCELED.equals(mirror.status()) && !SubscriptionStatus.CANCELED.equals(state.status())) {
            log.info("Ignored status {} for subscription {}, which has already ended", state.status(),
                    state.subscriptionId());
            return Optional.of(mirror);
        }

        boolean wasCurrent = mirror.isCurrent();
        boolean wasCanceled = SubscriptionStatus.CANCELED.equals(mirror.status());
        mirror.update(state, clock.instant());
        BillingSubscription saved = subscriptions.save(mirror);
        tiers.invalidateAfterCommit(userId);
        log.info("Subscription {} of user {} is now {} (cancel at period end: {})", state.subscriptionId(),
                userId, state.status(), state.cancelAtPeriodEnd());

        if (!wasCurrent && saved.isCurrent()) {
            notify(userId, "Subscription started", "Your Pro subscription is active. Thank you!", "success");
        } else if (!wasCanceled && SubscriptionStatus.CANCELED.equals(saved.status())) {
            notify(userId, "Subscription ended", "Your Pro subscription has ended. You are on the free plan now.",
                    "info");
        }
        return Optional.of(saved);
    }

    void notifyPaymentFailed(long userId) {
        notify(userId, "Payment failed", "We could not collect the payment to renew your subscription. "
                + "Please update your payment method to keep Pro.", "warning");
    }

    private void notify(long userId, String title, String message, String type) {
        events.publishEvent(new NotificationRequested(userId, title, message, type, null, null, false));
    }
}
