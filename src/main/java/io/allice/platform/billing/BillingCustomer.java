package io.allice.platform.billing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Stripe customer of one user, created once at the first checkout. */
@Entity
@Table(name = "billing_customers")
class BillingCustomer {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "stripe_customer_id", nullable = false, unique = true)
    private String stripeCustomerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected BillingCustomer() {
    }

    BillingCustomer(long userId, String stripeCustomerId, Instant createdAt) {
        this.userId = userId;
        this.stripeCustomerId = stripeCustomerId;
        this.createdAt = createdAt;
    }

    long userId() {
        return userId;
    }

    String stripeCustomerId() {
        return stripeCustomerId;
    }
}
