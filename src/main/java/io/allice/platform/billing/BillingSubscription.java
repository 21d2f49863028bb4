package io.allice.platform.billing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The platform's copy of one Stripe subscription. {@code stateAsOf} is the time of the Stripe
 * state last written, so that older state arriving later can be recognised and ignored.
 */
@Entity
@Table(name = "billing_subscriptions")
class BillingSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "stripe_subscription_id", nullable = false, unique = true, updatable = false)
    private String stripeSubscriptionId;

    @Column(name = "stripe_customer_id", nullable = false)
    private String stripeCustomerId;

    @Column(nullable = false, length = 40)
    private String status;

    @Column(name = "price_id")
    private String priceId;

    /** Price in the currency's smallest unit, as Stripe states it. */
    @Column(name = "unit_amount")
    private Long unitAmount;

    @Column(length = 10)
    private String currency;

    @Column(name = "current_period_start")
    private Instant currentPeriodStart;

    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "state_as_of", nullable = false)
    private Instant stateAsOf;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BillingSubscription() {
    }

    BillingSubscription(long userId, String stripeSubscriptionId, Instant now) {
        this.userId = userId;
        this.stripeSubscriptionId = stripeSubscriptionId;
        this.createdAt = now;
        this.updatedAt = now;
        this.stateAsOf = Instant.EPOCH;
    }

    void update(SubscriptionState state, Instant now) {
        this.stripeCustomerId = state.customerId();
        this.status = state.status();
        this.priceId = state.priceId();
        this.unitAmount = state.unitAmount();
        this.currency = state.currency();
        this.currentPeriodStart = state.currentPeriodStart();
        this.currentPeriodEnd = state.currentPeriodEnd();
        this.cancelAtPeriodEnd = state.cancelAtPeriodEnd();
        this.stateAsOf = state.asOf();
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String stripeSubscriptionId() {
        return stripeSubscriptionId;
    }

    String status() {
        return status;
    }

    Long unitAmount() {
        return unitAmount;
    }

    String currency() {
        return currency;
    }

    Instant currentPeriodStart() {
        return currentPeriodStart;
    }

    Instant currentPeriodEnd() {
        return currentPeriodEnd;
    }

    boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    Instant stateAsOf() {
        return stateAsOf;
    }

    boolean isCurrent() {
        return SubscriptionStatus.isCurrent(status);
    }
}
