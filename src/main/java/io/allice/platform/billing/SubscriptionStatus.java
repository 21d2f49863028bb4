package io.allice.platform.billing;

import java.util.Set;

/** Stripe's subscription statuses that matter here; any other status is stored as Stripe sends it. */
final class SubscriptionStatus {

    static final String ACTIVE = "active";
    static final String TRIALING = "trialing";
    static final String CANCELED = "canceled";

    /** Statuses that make a subscription count: the pro tier, and no second checkout. */
    static final Set<String> CURRENT = Set.of(ACTIVE, TRIALING);

    private SubscriptionStatus() {
    }

    static boolean isCurrent(String status) {
        return status != null && CURRENT.contains(status);
    }
}
