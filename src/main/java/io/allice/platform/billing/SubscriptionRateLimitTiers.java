package io.allice.platform.billing;

import io.allice.platform.shared.ratelimit.RateLimitTier;
import io.allice.platform.shared.ratelimit.RateLimitTiers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pro tier for users with an active or trialing subscription. It reads the mirror on every
 * request, one lookup on the (user_id, status) index, rather than caching, so a webhook on any
 * instance changes the tier everywhere at once.
 */
@Component
class SubscriptionRateLimitTiers implements RateLimitTiers {

    private final BillingSubscriptionRepository subscriptions;

    SubscriptionRateLimitTiers(BillingSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    @Transactional(readOnly = true)
    public RateLimitTier tierOf(long userId) {
        return subscriptions.existsByUserIdAndStatusIn(userId, SubscriptionStatus.CURRENT)
                ? RateLimitTier.PRO : RateLimitTier.FREE;
    }
}
