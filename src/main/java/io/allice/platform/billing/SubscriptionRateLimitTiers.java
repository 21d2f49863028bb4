package io.allice.platform.billing;

import io.allice.platform.shared.cache.CacheInvalidations;
import io.allice.platform.shared.cache.InvalidatedCache;
import io.allice.platform.shared.persistence.AfterCommit;
import io.allice.platform.shared.ratelimit.RateLimitTier;
import io.allice.platform.shared.ratelimit.RateLimitTiers;
import org.springframework.stereotype.Component;

/**
 * The pro tier for users with an active or trialing subscription. The rate-limit filter reads it on
 * every authenticated request, so the tier is cached per user. {@link SubscriptionMirror}
 * drops it, on every instance, once a change to the user's subscription commits.
 */
@Component
class SubscriptionRateLimitTiers implements RateLimitTiers {

    /** One small entry per active user; evicted users cost one indexed query when they return. */
    private static final long MAXIMUM_ENTRIES = 100_000;

    private final BillingSubscriptionRepository subscriptions;
    private final InvalidatedCache<Long, RateLimitTier> tiers;

    SubscriptionRateLimitTiers(BillingSubscriptionRepository subscriptions, CacheInvalidations invalidations) {
        this.subscriptions = subscriptions;
        this.tiers = new InvalidatedCache<>("billing.rate-limit-tiers", MAXIMUM_ENTRIES, Long::valueOf,
                invalidations);
    }

    @Override
    public RateLimitTier tierOf(long userId) {
        return tiers.get(userId, this::load);
    }

    /**
     * Drops the user's cached tier after the current transaction commits, or at once without one.
     * Dropping it earlier would let a request reload the state that is about to change.
     */
    void invalidateAfterCommit(long userId) {
        AfterCommit.run(() -> tiers.invalidate(userId));
    }

    /** Looks the tier up with one query on the (user_id, status) index. */
    private RateLimitTier load(long userId) {
        return subscriptions.existsByUserIdAndStatusIn(userId, SubscriptionStatus.CURRENT)
                ? RateLimitTier.PRO : RateLimitTier.FREE;
    }
}
