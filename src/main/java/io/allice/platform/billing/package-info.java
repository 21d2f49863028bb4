/**
 * Billing through Stripe: Checkout for a subscription, the platform's mirror of each user's
 * subscription (written by the Stripe webhook and by cancel and reactivate), invoices, and the
 * rate-limit tier that follows from the subscription.
 */
@ApplicationModule(displayName = "Billing")
package io.allice.platform.billing;

import org.springframework.modulith.ApplicationModule;
