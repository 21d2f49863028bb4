package io.allice.platform.billing;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.stripe.model.Customer;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import io.allice.platform.auth.UserDirectory;
import io.allice.platform.billing.BillingViews.CheckoutRequest;
import io.allice.platform.billing.BillingViews.CheckoutView;
import io.allice.platform.billing.BillingViews.InvoiceView;
import io.allice.platform.billing.BillingViews.SubscriptionView;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing use cases of a signed-in user. Stripe is called outside database transactions, and
 * what Stripe returns is then written to the mirror in a short transaction of its own.
 */
@Service
class BillingService {

    private static final Logger log = LoggerFactory.getLogger(BillingService.class);
    static final int MAX_INVOICES = 100;

    private final BillingProperties properties;
    private final StripeGateway stripe;
    private final BillingCustomerRepository customers;
    private final BillingSubscriptionRepository subscriptions;
    private final SubscriptionMirror mirror;
    private final UserDirectory users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BillingService(BillingProperties properties, StripeGateway stripe, BillingCustomerRepository customers,
            BillingSubscriptionRepository subscriptions, SubscriptionMirror mirror, UserDirectory users,
            TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.stripe = stripe;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.mirror = mirror;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    CheckoutView checkout(long userId, CheckoutRequest request) {
        properties.requireSecretKey();
        properties.requirePriceId();
        requireAbsoluteHttpUrl("success_url", request.successUrl());
        requireAbsoluteHttpUrl("cancel_url", request.cancelUrl());
        if (subscriptions.existsByUserIdAndStatusIn(userId, SubscriptionStatus.CURRENT)) {
            throw ApiException.conflict("You already have an active subscription");
        }

        String customerId = customerOf(userId);
        Session session = stripe.createCheckoutSession(userId, customerId, request.successUrl(), request.cancelUrl());
        log.info("Created checkout session {} for user {}", session.getId(), userId);
        return new CheckoutView(session.getId(), session.getUrl());
    }

    SubscriptionView subscription(long userId) {
        properties.requireSecretKey();
        return currentOf(userId).map(SubscriptionView::of)
                .orElseThrow(() -> ApiException.notFound("You have no subscription"));
    }

    SubscriptionView cancel(long userId, boolean immediately) {
        properties.requireSecretKey();
        BillingSubscription subscription = currentOf(userId)
                .filter(candidate -> !SubscriptionStatus.CANCELED.equals(candidate.status()))
                .orElseThrow(() -> ApiException.notFound("You have no subscription to cancel"));

        Subscription changed = immediately
                ? stripe.cancelNow(subscription.stripeSubscriptionId())
                : stripe.setCancelAtPeriodEnd(subscription.stripeSubscriptionId(), true);
        log.info("User {} canceled subscription {} {}", userId, subscription.stripeSubscriptionId(),
                immediately ? "immediately" : "at period end");
        return record(changed);
    }

    SubscriptionView reactivate(long userId) {
        properties.requireSecretKey();
        BillingSubscription subscription = currentOf(userId)
                .filter(candidate -> candidate.isCurrent() && candidate.cancelAtPeriodEnd())
                .orElseThrow(() -> ApiException.conflict("You have no subscription that is set to cancel at the end "
                        + "of its period, so there is nothing to reactivate"));

        Subscription changed = stripe.setCancelAtPeriodEnd(subscription.stripeSubscriptionId(), false);
        log.info("User {} reactivated subscription {}", userId, subscription.stripeSubscriptionId());
        return record(changed);
    }

    List<InvoiceView> invoices(long userId, int limit) {
        properties.requireSecretKey();
        if (limit < 1 || limit > MAX_INVOICES) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_INVOICES);
        }
        Optional<BillingCustomer> customer = customers.findById(userId);
        if (customer.isEmpty()) {
            return List.of();
        }
        return stripe.listInvoices(customer.get().stripeCustomerId(), limit).stream().map(InvoiceView::of).toList();
    }

    /** The subscription to show: a current one if the user has one, otherwise the newest. */
    private Optional<BillingSubscription> currentOf(long userId) {
        List<BillingSubscription> all = subscriptions.findByUserIdOrderByIdDesc(userId);
        return all.stream().filter(BillingSubscription::isCurrent).findFirst().or(() -> all.stream().findFirst());
    }

    private SubscriptionView record(Subscription changed) {
        SubscriptionState state = SubscriptionState.of(changed, SubscriptionState.fetchedAt(clock));
        return transactions.execute(status -> mirror.apply(state))
                .map(SubscriptionView::of)
                .orElseThrow(() -> new IllegalStateException("Subscription " + changed.getId() + " has no user"));
    }

    private String customerOf(long userId) {
        Optional<BillingCustomer> existing = customers.findById(userId);
        if (existing.isPresent()) {
            return existing.get().stripeCustomerId();
        }

        var contact = users.findContact(userId).orElseThrow(() -> ApiException.notFound("The account no longer exists"));
        Customer customer = stripe.createCustomer(userId, contact.email(), contact.username());
        try {
            customers.saveAndFlush(new BillingCustomer(userId, customer.getId(), clock.instant()));
            log.info("Created Stripe customer {} for user {}", customer.getId(), userId);
        } catch (DataIntegrityViolationException raced) {
            // A concurrent checkout stored the customer first; the idempotency key gave both the same one.
            log.info("Stripe customer of user {} was stored by a concurrent request", userId);
        }
        return customers.findById(userId).map(BillingCustomer::stripeCustomerId).orElse(customer.getId());
    }

    private static void requireAbsoluteHttpUrl(String field, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ApiException.invalidField(field, "must be an absolute http or https URL");
        }
    }
}
