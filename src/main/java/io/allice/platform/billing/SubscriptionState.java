package io.allice.platform.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;

/**
 * A subscription as Stripe described it at {@code asOf}: the creation time of the event that
 * carried it, or the time it was fetched from Stripe.
 *
 * @param userIdHint the {@code user_id} from the subscription's metadata, or null
 */
record SubscriptionState(String subscriptionId, String customerId, String status, String priceId, Long unitAmount,
        String currency, Instant currentPeriodStart, Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
        Long userIdHint, Instant asOf) {

    /**
     * Reads the state from a Stripe subscription. Since API version 2025-03-31 the billing period
     * is on each subscription item, so the first item's period and price are used.
     */
    static SubscriptionState of(Subscription subscription, Instant asOf) {
        SubscriptionItem item = subscription.getItems() == null || subscription.getItems().getData() == null
                || subscription.getItems().getData().isEmpty() ? null : subscription.getItems().getData().getFirst();
        Price price = item == null ? null : item.getPrice();
        return new SubscriptionState(
                subscription.getId(),
                subscription.getCustomer(),
                subscription.getStatus(),
                price == null ? null : price.getId(),
                price == null ? null : price.getUnitAmount(),
                price == null ? null : price.getCurrency(),
                item == null ? null : epochSeconds(item.getCurrentPeriodStart()),
                item == null ? null : epochSeconds(item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                userIdFrom(subscription.getMetadata()),
                asOf);
    }

    /**
     * Returns the time to record for state just read from Stripe, cut to whole seconds like
     * Stripe's event times, so an event created in the same second still counts as newer.
     */
    static Instant fetchedAt(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static Instant epochSeconds(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    static Long userIdFrom(Map<String, String> metadata) {
        String value = metadata == null ? null : metadata.get("user_id");
        if (value == null || !value.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }
}
