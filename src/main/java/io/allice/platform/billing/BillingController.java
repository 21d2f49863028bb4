package io.allice.platform.billing;

import java.util.List;
import java.util.Map;

import com.stripe.model.Event;
import io.allice.platform.billing.BillingViews.CheckoutRequest;
import io.allice.platform.billing.BillingViews.CheckoutView;
import io.allice.platform.billing.BillingViews.InvoiceView;
import io.allice.platform.billing.BillingViews.SubscriptionView;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/billing", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Billing")
class BillingController {

    private final BillingService billing;
    private final StripeWebhookService webhooks;

    BillingController(BillingService billing, StripeWebhookService webhooks) {
        this.billing = billing;
        this.webhooks = webhooks;
    }

    @PostMapping(path = "/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a Stripe Checkout session for the Pro subscription")
    CheckoutView checkout(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CheckoutRequest request) {
        return billing.checkout(user.id(), request);
    }

    @GetMapping("/subscription")
    @Operation(summary = "The signed-in user's subscription, as last reported by Stripe")
    SubscriptionView subscription(@AuthenticationPrincipal AuthenticatedUser user) {
        return billing.subscription(user.id());
    }

    @PostMapping("/subscription/cancel")
    @Operation(summary = "Cancel the subscription at the end of its period, or at once with cancel_immediately=true")
    SubscriptionView cancel(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "cancel_immediately", defaultValue = "false") boolean cancelImmediately) {
        return billing.cancel(user.id(), cancelImmediately);
    }

    @PostMapping("/subscription/reactivate")
    @Operation(summary = "Keep a subscription that is set to cancel at the end of its period")
    SubscriptionView reactivate(@AuthenticationPrincipal AuthenticatedUser user) {
        return billing.reactivate(user.id());
    }

    @GetMapping("/invoices")
    @Operation(summary = "The signed-in user's invoices from Stripe, newest first")
    List<InvoiceView> invoices(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(defaultValue = "10") int limit) {
        return billing.invoices(user.id(), limit);
    }

    /** Takes the body as bytes, because the signature covers exactly what Stripe sent. */
    @PostMapping(path = "/webhook", consumes = MediaType.ALL_VALUE)
    @SecurityRequirements
    @Operation(summary = "Receive a Stripe webhook event (called by Stripe, signed with STRIPE_WEBHOOK_SECRET)")
    Map<String, Object> webhook(@RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        Event event = webhooks.verify(body, signature);
        StripeWebhookService.Outcome outcome = webhooks.handle(event);
        return Map.of("received", true, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    }
}
