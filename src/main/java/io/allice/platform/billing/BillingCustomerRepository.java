package io.allice.platform.billing;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BillingCustomerRepository extends JpaRepository<BillingCustomer, Long> {

    Optional<BillingCustomer> findByStripeCustomerId(String stripeCustomerId);

    /** Locks the customer's row, so that webhooks for one customer change its subscriptions one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from BillingCustomer c where c.stripeCustomerId = :stripeCustomerId")
    Optional<BillingCustomer> lockByStripeCustomerId(String stripeCustomerId);
}
