package io.allice.platform.billing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BillingSubscriptionRepository extends JpaRepository<BillingSubscription, Long> {

    Optional<BillingSubscription> findByStripeSubscriptionId(String stripeSubscriptionId);

    /** Served by the index on (user_id, status), because the rate-limit filter calls it on every request. */
    boolean existsByUserIdAndStatusIn(long userId, Collection<String> statuses);

    List<BillingSubscription> findByUserIdOrderByIdDesc(long userId);
}
