package io.allice.platform.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.allice.platform.support.StripeStandIn.checkoutSession;
import static io.allice.platform.support.StripeStandIn.deliver;
import static io.allice.platform.support.StripeStandIn.event;
import static io.allice.platform.support.StripeStandIn.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.stripe.Stripe;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.StripeStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The billing API against a local Stripe stand-in, with webhooks signed as Stripe signs them. */
@IntegrationTest
class BillingApiIntegrationTests {

    static final StripeStandIn stripe = new StripeStandIn();

    @DynamicPropertySource
    static void stripeProperties(DynamicPropertyRegistry registry) {
        stripe.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("allice.database-pool-size", () -> "4");
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @LocalServerPort
    int port;

    ApiClient api;
    /**
     * The creation time of the first event in a test. It lies in the past, so state the service
     * reads from Stripe afterwards counts as newer, as it would in production.
     */
    Instant eventTime;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        eventTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
    }

    @Test
    void checkoutCreatesSessionForConfiguredPrice() {
        Session user = api.registerNew("checkout");

        Response first = checkout(user);
        Response second = checkout(user);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("session_id").asString()).startsWith("cs_test_");
        assertThat(first.json().get("url").asString()).startsWith("https://");
        assertThat(second.status()).isEqualTo(200);
        stripe.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withFormParam("metadata[user_id]", equalTo(Long.toString(user.userId()))));
        stripe.server().verify(2, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Stripe-Version", equalTo(Stripe.API_VERSION))
                .withFormParam("customer", equalTo(StripeStandIn.customerId(user.userId())))
                .withFormParam("mode", equalTo("subscription"))
                .withFormParam("line_items[0][price]", equalTo(StripeStandIn.PRICE_ID))
                .withFormParam("metadata[user_id]", equalTo(Long.toString(user.userId())))
                .withFormParam("success_url", equalTo("https://app.example.test/success")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/success", "ftp://app.example.test/success", "not a url", "javascript:alert(1)", "https://"})
    void checkoutRejectsNonHttpUrl(String successUrl) {
        Session user = api.registerNew("checkout_url");

        Response response = api.post("/api/billing/checkout", user.token(),
                Map.of("success_url", successUrl, "cancel_url", "https://app.example.test/cancel"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("success_url");
    }

    @Test
    void checkoutConflictsWhenAlreadySubscribed() {
        Session user = api.registerNew("checkout_twice");
        checkout(user);
        activate(user, "sub_" + user.userId() + "_conflict");

        Response response = checkout(user);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("already");
    }

    @Test
    void followsSubscriptionLifecycle() {
        Session user = api.registerNew("lifecycle");
        checkout(user);
        String id = "sub_" + user.userId() + "_life";
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant renewal = Instant.parse("2026-02-01T00:00:00Z");
        Instant nextRenewal = Instant.parse("2026-03-01T00:00:00Z");

        // Created: the user has an active subscription at Stripe's price.
        activate(user, id);
        JsonNode created = api.get("/api/billing/subscription", user.token()).json();
        assertThat(created.get("status").asString()).isEqualTo("active");
        assertThat(created.get("price").decimalValue()).isEqualByComparingTo("49.99");
        assertThat(created.get("currency").asString()).isEqualTo("usd");
        assertThat(created.get("current_period_start").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(created.get("current_period_end").asString()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(created.get("cancel_at_period_end").asBoolean()).isFalse();
        assertThat(notificationTitles(user)).containsExactly("Subscription started");

        // Renewed: invoice.paid makes the service read the new period from Stripe.
        stripe.stubSubscription(subscription(id, user.userId(), "active", false, renewal, nextRenewal));
        assertThat(deliver(api, event("invoice.paid", StripeStandIn.invoice("in_" + id + "_2", user.userId(), id,
                "paid", StripeStandIn.UNIT_AMOUNT, renewal), eventTime)).status()).isEqualTo(200);
        JsonNode renewed = api.get("/api/billing/subscription", user.token()).json();
        assertThat(renewed.get("current_period_start").asString()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(renewed.get("current_period_end").asString()).isEqualTo("2026-03-01T00:00:00Z");

        // Payment failed: the subscription is past due and the user is notified.
        stripe.stubSubscription(subscription(id, user.userId(), "past_due", false, renewal, nextRenewal));
        assertThat(deliver(api, event("invoice.payment_failed", StripeStandIn.invoice("in_" + id + "_3",
                user.userId(), id, "open", 0, nextRenewal), eventTime)).status()).isEqualTo(200);
        assertThat(api.get("/api/billing/subscription", user.token()).json().get("status").asString())
                .isEqualTo("past_due");
        assertThat(notificationTitles(user)).containsExactly("Payment failed", "Subscription started");

        // Paid again, then canceled at period end and reactivated.
        stripe.stubSubscription(subscription(id, user.userId(), "active", false, renewal, nextRenewal));
        deliver(api, event("invoice.payment_succeeded", StripeStandIn.invoice("in_" + id + "_3", user.userId(), id,
                "paid", StripeStandIn.UNIT_AMOUNT, nextRenewal), eventTime));
        stripe.stubSubscriptionChanges(subscription(id, user.userId(), "active", true, renewal, nextRenewal),
                subscription(id, user.userId(), "canceled", false, renewal, nextRenewal));
        Response canceled = api.post("/api/billing/subscription/cancel", user.token(), null);
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.json().get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(canceled.json().get("status").asString()).isEqualTo("active");

        stripe.stubSubscriptionChanges(subscription(id, user.userId(), "active", false, renewal, nextRenewal),
                subscription(id, user.userId(), "canceled", false, renewal, nextRenewal));
        Response reactivated = api.post("/api/billing/subscription/reactivate", user.token(), null);
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(reactivated.json().get("cancel_at_period_end").asBoolean()).isFalse();
        assertThat(api.post("/api/billing/subscription/reactivate", user.token(), null).status()).isEqualTo(409);

        // Canceled immediately: the subscription ends and the user is notified.
        Response ended = api.post("/api/billing/subscription/cancel?cancel_immediately=true", user.token(), null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("status").asString()).isEqualTo("canceled");
        assertThat(api.get("/api/billing/subscription", user.token()).json().get("status").asString())
                .isEqualTo("canceled");
        assertThat(notificationTitles(user)).first().isEqualTo("Subscription ended");
        stripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/" + id))
                .withFormParam("cancel_at_period_end", equalTo("true")));
        stripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/" + id))
                .withFormParam("cancel_at_period_end", equalTo("false")));
    }

    @Test
    void completedCheckoutActivatesSubscriptionFromStripe() {
        Session user = api.registerNew("checkout_completed");
        checkout(user);
        String id = "sub_" + user.userId() + "_checkout";
        stripe.stubSubscription(activeSubscription(user, id));

        Response response = deliver(api, event("checkout.session.completed", checkoutSession(user.userId(), id),
                eventTime));

        assertThat(response.status()).isEqualTo(200);
        JsonNode subscription = api.get("/api/billing/subscription", user.token()).json();
        assertThat(subscription.get("status").asString()).isEqualTo("active");
        assertThat(subscription.get("currency").asString()).isEqualTo("usd");
        assertThat(notificationTitles(user)).containsExactly("Subscription started");
    }

    @Test
    void treatsTrialingAsSubscribed() {
        Session user = api.registerNew("trialing");
        checkout(user);
        String id = "sub_" + user.userId() + "_trial";

        deliver(api, event("customer.subscription.created", subscription(id, user.userId(), "trialing", false,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")), eventTime));

        assertThat(api.get("/api/billing/subscription", user.token()).json().get("status").asString())
                .isEqualTo("trialing");
        assertThat(checkout(user).status()).isEqualTo(409);
    }

    @Test
    void endsSubscriptionOnDeletedEvent() {
        Session user = api.registerNew("deleted");
        checkout(user);
        String id = "sub_" + user.userId() + "_deleted";
        activate(user, id);

        Response response = deliver(api, event("customer.subscription.deleted", subscription(id, user.userId(),
                "canceled", false, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")),
                eventTime.plusSeconds(5)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.get("/api/billing/subscription", user.token()).json().get("status").asString())
                .isEqualTo("canceled");
        assertThat(notificationTitles(user)).containsExactly("Subscription ended", "Subscription started");
    }

    @Test
    void handlesDuplicateDeliveryOnce() throws Exception {
        Session user = api.registerNew("duplicate");
        checkout(user);
        String payload = event("customer.subscription.created", activeSubscription(user, "sub_" + user.userId() + "_dup"),
                eventTime);

        Response first = deliver(api, payload);
        Response second = deliver(api, payload);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asString()).isEqualTo("handled");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("outcome").asString()).isEqualTo("duplicate");
        assertThat(notificationTitles(user)).containsExactly("Subscription started");
    }

    @Test
    void handlesConcurrentDuplicateDeliveryOnce() throws Exception {
        Session user = api.registerNew("concurrent");
        checkout(user);
        String payload = event("customer.subscription.created",
                activeSubscription(user, "sub_" + user.userId() + "_concurrent"), eventTime);
        List<Callable<Response>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> deliver(ApiClient.onPort(port), payload));
        }

        List<Response> responses = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(6)) {
            for (Future<Response> response : executor.invokeAll(deliveries)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(Response::status).containsOnly(200);
        assertThat(responses).filteredOn(response -> response.body().contains("\"handled\"")).hasSize(1);
        assertThat(notificationTitles(user)).containsExactly("Subscription started");
    }

    @Test
    void ignoresOlderStateDeliveredLater() {
        Session user = api.registerNew("out_of_order");
        checkout(user);
        String id = "sub_" + user.userId() + "_order";
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2026-02-01T00:00:00Z");
        deliver(api, event("customer.subscription.updated",
                subscription(id, user.userId(), "active", true, start, end), eventTime.plusSeconds(10)));

        Response stale = deliver(api, event("customer.subscription.updated",
                subscription(id, user.userId(), "active", false, start, end), eventTime));

        assertThat(stale.status()).isEqualTo(200);
        assertThat(api.get("/api/billing/subscription", user.token()).json().get("cancel_at_period_end").asBoolean())
                .isTrue();
    }

    @Test
    void keepsEndedSubscriptionEndedWhenCreatedArrivesLate() {
        Session user = api.registerNew("late_created");
        checkout(user);
        String id = "sub_" + user.userId() + "_late";
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2026-02-01T00:00:00Z");
        deliver(api, event("customer.subscription.deleted",
                subscription(id, user.userId(), "canceled", false, start, end), eventTime));

        deliver(api, event("customer.subscription.created",
                subscription(id, user.userId(), "active", false, start, end), eventTime));

        assertThat(api.get("/api/billing/subscription", user.token()).json().get("status").asString())
                .isEqualTo("canceled");
    }

    @Test
    void rejectsTamperedSignature() {
        Session user = api.registerNew("tampered");
        checkout(user);
        String payload = event("customer.subscription.created", activeSubscription(user, "sub_" + user.userId() + "_t"),
                eventTime);
        String signature = StripeStandIn.signature(payload, StripeStandIn.WEBHOOK_SECRET, Instant.now());
        String tampered = payload.replace("\"active\"", "\"trialing\"");

        Response response = deliver(api, tampered, signature);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/billing/subscription", user.token()).status()).isEqualTo(404);
    }

    @Test
    void rejectsMissingWrongOrOldSignature() {
        String payload = event("customer.subscription.created", subscription("sub_unsigned", 1, "active", false,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")), eventTime);

        Response missing = deliver(api, payload, null);
        Response wrongSecret = deliver(api, payload, StripeStandIn.signature(payload, "whsec_other", Instant.now()));
        Response old = deliver(api, payload, StripeStandIn.signature(payload, StripeStandIn.WEBHOOK_SECRET,
                Instant.now().minusSeconds(3600)));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("Stripe-Signature");
        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(old.status()).isEqualTo(400);
    }

    @Test
    void acknowledgesUnknownEventType() {
        Response response = deliver(api, event("customer.tax_id.created", Map.of("id", "txi_123", "object", "tax_id"),
                eventTime));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo("ignored");
    }

    @Test
    void listsInvoicesInContractShape() {
        Session user = api.registerNew("invoices");
        checkout(user);
        stripe.stubInvoices(user.userId(), List.of(StripeStandIn.invoice("in_" + user.userId() + "_1", user.userId(),
                "sub_x", "paid", StripeStandIn.UNIT_AMOUNT, Instant.parse("2026-01-01T00:00:00Z"))));

        Response response = api.get("/api/billing/invoices", user.token());

        assertThat(response.status()).isEqualTo(200);
        JsonNode invoice = response.json().get(0);
        assertThat(invoice.get("id").asString()).isEqualTo("in_" + user.userId() + "_1");
        assertThat(invoice.get("amount_due").asLong()).isEqualTo(4999);
        assertThat(invoice.get("amount_paid").asLong()).isEqualTo(4999);
        assertThat(invoice.get("currency").asString()).isEqualTo("usd");
        assertThat(invoice.get("status").asString()).isEqualTo("paid");
        assertThat(invoice.get("created").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(invoice.get("invoice_pdf").asString()).startsWith("https://");
        assertThat(invoice.get("hosted_invoice_url").asString()).startsWith("https://");
        stripe.server().verify(getRequestedFor(urlPathEqualTo("/v1/invoices"))
                .withQueryParam("customer", equalTo(StripeStandIn.customerId(user.userId())))
                .withQueryParam("limit", equalTo("10")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void rejectsInvoiceLimitOutOfRange(int limit) {
        Session user = api.registerNew("invoice_limit");

        Response response = api.get("/api/billing/invoices?limit=" + limit, user.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void reportsInvoiceFailureAsBadGateway() {
        Session user = api.registerNew("invoice_failure");
        checkout(user);
        stripe.failInvoices(user.userId(), 500, "api_error", null, "An unknown error occurred");

        Response response = api.get("/api/billing/invoices", user.token());

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.json().get("detail").asString()).contains("Stripe");
    }

    @Test
    void mapsEachStripeErrorToClearStatus() {
        record Case(int stripeStatus, String type, String code, String message, int expected, String detail) {
        }
        List<Case> cases = List.of(
                new Case(402, "card_error", "card_declined", "Your card was declined.", 402, "Your card was declined."),
                new Case(400, "invalid_request_error", "resource_missing", "No such price: 'price_pro_monthly'", 502,
                        "No such price"),
                new Case(401, "invalid_request_error", null, "Invalid API Key provided: sk_test_****6789", 502,
                        "STRIPE_SECRET_KEY"),
                new Case(403, "invalid_request_error", null, "The provided key does not have access", 502,
                        "STRIPE_SECRET_KEY"),
                new Case(429, "invalid_request_error", "rate_limit", "Too many requests", 503, "rate-limiting"),
                new Case(400, "idempotency_error", null, "Keys for idempotent requests can only be used once", 409,
                        "concurrent"),
                new Case(500, "api_error", null, "An unknown error occurred", 502, "Stripe failed"));

        for (Case failure : cases) {
            Session user = api.registerNew("stripe_error");
            checkout(user);
            stripe.failCheckout(user.userId(), failure.stripeStatus(), failure.type(), failure.code(), failure.message());

            Response response = checkout(user);

            assertThat(response.status()).as("Stripe %s", failure.stripeStatus()).isEqualTo(failure.expected());
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(failure.detail());
            assertThat(response.body()).doesNotContain(StripeStandIn.SECRET_KEY).doesNotContain("sk_test_****");
        }
    }

    @Test
    void answersNotFoundWithoutSubscription() {
        Session user = api.registerNew("no_subscription");

        assertThat(api.get("/api/billing/subscription", user.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/billing/subscription/cancel", user.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/billing/subscription/reactivate", user.token(), null).status()).isEqualTo(409);
        assertThat(api.get("/api/billing/invoices", user.token()).body()).isEqualTo("[]");
    }

    @Test
    void requiresTokenExceptForWebhook() {
        assertThat(api.get("/api/billing/subscription", null).status()).isEqualTo(401);
        assertThat(api.post("/api/billing/checkout", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/billing/invoices", null).status()).isEqualTo(401);
        assertThat(deliver(api, "{}", "t=1,v1=00").status()).isEqualTo(400);
    }

    private Response checkout(Session user) {
        return api.post("/api/billing/checkout", user.token(), Map.of(
                "success_url", "https://app.example.test/success", "cancel_url", "https://app.example.test/cancel"));
    }

    private void activate(Session user, String subscriptionId) {
        Response response = deliver(api, event("customer.subscription.created", activeSubscription(user, subscriptionId),
                eventTime));
        assertThat(response.status()).isEqualTo(200);
    }

    private static Map<String, Object> activeSubscription(Session user, String subscriptionId) {
        return subscription(subscriptionId, user.userId(), "active", false, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"));
    }

    private List<String> notificationTitles(Session user) {
        Response history = api.get("/api/notify/history", user.token());
        List<String> titles = new ArrayList<>();
        history.json().forEach(notification -> titles.add(notification.get("title").asString()));
        return titles;
    }
}
