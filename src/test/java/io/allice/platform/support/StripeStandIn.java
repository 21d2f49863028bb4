package io.allice.platform.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.stripe.Stripe;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the Stripe API on a loopback port. It serves the paths the Stripe SDK
 * calls with bodies in Stripe's JSON shapes (API version {@link Stripe#API_VERSION}), including
 * Stripe's error bodies, and signs webhook events the way Stripe does.
 */
public final class StripeStandIn implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_standin_0123456789";
    public static final String WEBHOOK_SECRET = "whsec_standin_0123456789";
    public static final String PRICE_ID = "price_pro_monthly";
    public static final long UNIT_AMOUNT = 4999;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;

    public StripeStandIn() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true));
        server.start();
        stubCustomers();
        stubCheckoutSessions();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    /** Properties that point the service at this stand-in, as {@code name=value}. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("allice.stripe.secret-key", SECRET_KEY);
        properties.put("allice.stripe.publishable-key", "pk_test_standin");
        properties.put("allice.stripe.webhook-secret", WEBHOOK_SECRET);
        properties.put("allice.stripe.price-id", PRICE_ID);
        properties.put("allice.stripe.api-base", baseUrl());
        properties.put("allice.stripe.max-network-retries", "0");
        return properties;
    }

    /** Returns the customer id the stand-in gives the user with {@code userId}. */
    public static String customerId(long userId) {
        return "cus_user_" + userId;
    }

    private MappingBuilder authorized(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .withHeader("Stripe-Version", equalTo(Stripe.API_VERSION));
    }

    private void stubCustomers() {
        // The customer id is derived from the user_id metadata the service sends.
        server.stubFor(authorized(post(urlPathEqualTo("/v1/customers"))).willReturn(json(200, """
                {{regexExtract request.body 'user_id(?:%5D|.)=([0-9]+)' 'user'}}{
                  "id": "cus_user_{{user.0}}",
                  "object": "customer",
                  "created": 1767225600,
                  "email": "{{formData request.body 'form' urlDecode=true}}{{form.email}}",
                  "livemode": false,
                  "metadata": {"user_id": "{{user.0}}"}
                }""")));
    }

    private void stubCheckoutSessions() {
        server.stubFor(authorized(post(urlPathEqualTo("/v1/checkout/sessions"))).willReturn(json(200, """
                {{formData request.body 'form' urlDecode=true}}{
                  "id": "cs_test_{{randomValue length=24 type='ALPHANUMERIC'}}",
                  "object": "checkout.session",
                  "mode": "subscription",
                  "status": "open",
                  "customer": "{{form.customer}}",
                  "client_reference_id": "{{form.client_reference_id}}",
                  "success_url": "{{form.success_url}}",
                  "cancel_url": "{{form.cancel_url}}",
                  "url": "https://checkout.stripe.com/c/pay/cs_test_standin",
                  "livemode": false,
                  "metadata": {}
                }""")));
    }

    /** Makes checkout for the given user fail with one of Stripe's error bodies. */
    public void failCheckout(long userId, int status, String type, String code, String message) {
        server.stubFor(authorized(post(urlPathEqualTo("/v1/checkout/sessions")))
                .withRequestBody(containing("customer=" + customerId(userId)))
                .willReturn(error(status, type, code, message)));
    }

    public void failInvoices(long userId, int status, String type, String code, String message) {
        server.stubFor(authorized(get(urlPathEqualTo("/v1/invoices")))
                .withQueryParam("customer", equalTo(customerId(userId)))
                .willReturn(error(status, type, code, message)));
    }

    /** Makes {@code GET} and {@code POST /v1/subscriptions/{id}} return this subscription. */
    public void stubSubscription(Map<String, Object> subscription) {
        String path = "/v1/subscriptions/" + subscription.get("id");
        String body = JSON.writeValueAsString(subscription);
        server.stubFor(authorized(get(urlPathEqualTo(path))).willReturn(json(200, body)));
        server.stubFor(authorized(post(urlPathEqualTo(path))).willReturn(json(200, body)));
    }

    /** Makes {@code POST /v1/subscriptions/{id}} return {@code updated} and {@code DELETE} return {@code canceled}. */
    public void stubSubscriptionChanges(Map<String, Object> updated, Map<String, Object> canceled) {
        String path = "/v1/subscriptions/" + updated.get("id");
        server.stubFor(authorized(post(urlPathEqualTo(path))).willReturn(json(200, JSON.writeValueAsString(updated))));
        server.stubFor(authorized(delete(urlPathEqualTo(path))).willReturn(json(200, JSON.writeValueAsString(canceled))));
    }

    public void stubInvoices(long userId, List<Map<String, Object>> invoices) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", invoices);
        list.put("has_more", false);
        list.put("url", "/v1/invoices");
        server.stubFor(authorized(get(urlPathEqualTo("/v1/invoices")))
                .withQueryParam("customer", equalTo(customerId(userId)))
                .willReturn(json(200, JSON.writeValueAsString(list))));
    }

    /** A subscription in Stripe's shape, with the billing period on its item as in API versions since 2025-03-31. */
    public static Map<String, Object> subscription(String id, long userId, String status, boolean cancelAtPeriodEnd,
            Instant periodStart, Instant periodEnd) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("id", PRICE_ID);
        price.put("object", "price");
        price.put("active", true);
        price.put("currency", "usd");
        price.put("unit_amount", UNIT_AMOUNT);
        price.put("type", "recurring");
        price.put("recurring", Map.of("interval", "month", "interval_count", 1, "usage_type", "licensed"));

        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "si_" + id.substring(4));
        item.put("object", "subscription_item");
        item.put("current_period_start", periodStart.getEpochSecond());
        item.put("current_period_end", periodEnd.getEpochSecond());
        item.put("price", price);
        item.put("quantity", 1);
        item.put("subscription", id);

        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", id);
        subscription.put("object", "subscription");
        subscription.put("customer", customerId(userId));
        subscription.put("status", status);
        subscription.put("cancel_at_period_end", cancelAtPeriodEnd);
        subscription.put("created", periodStart.getEpochSecond());
        subscription.put("livemode", false);
        subscription.put("metadata", Map.of("user_id", Long.toString(userId)));
        subscription.put("items", Map.of("object", "list", "data", List.of(item), "has_more", false,
                "url", "/v1/subscription_items?subscription=" + id));
        return subscription;
    }

    public static Map<String, Object> invoice(String id, long userId, String subscriptionId, String status,
            long amountPaid, Instant created) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", id);
        invoice.put("object", "invoice");
        invoice.put("customer", customerId(userId));
        invoice.put("amount_due", UNIT_AMOUNT);
        invoice.put("amount_paid", amountPaid);
        invoice.put("currency", "usd");
        invoice.put("status", status);
        invoice.put("created", created.getEpochSecond());
        invoice.put("livemode", false);
        invoice.put("invoice_pdf", "https://pay.stripe.com/invoice/acct_standin/" + id + "/pdf");
        invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_standin/" + id);
        invoice.put("parent", Map.of("type", "subscription_details",
                "subscription_details", Map.of("subscription", subscriptionId, "metadata", Map.of())));
        return invoice;
    }

    public static Map<String, Object> checkoutSession(long userId, String subscriptionId) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "cs_test_" + UUID.randomUUID().toString().replace("-", ""));
        session.put("object", "checkout.session");
        session.put("mode", "subscription");
        session.put("status", "complete");
        session.put("customer", customerId(userId));
        session.put("subscription", subscriptionId);
        session.put("client_reference_id", Long.toString(userId));
        session.put("metadata", Map.of("user_id", Long.toString(userId)));
        session.put("livemode", false);
        return session;
    }

    /** Builds a webhook event as Stripe sends it, with a fresh event id. */
    public static String event(String type, Map<String, Object> object, Instant created) {
        return event("evt_" + UUID.randomUUID().toString().replace("-", ""), type, object, created);
    }

    public static String event(String id, String type, Map<String, Object> object, Instant created) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", created.getEpochSecond());
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("data", Map.of("object", object));
        return JSON.writeValueAsString(event);
    }

    /** Computes the {@code Stripe-Signature} header for {@code payload}: an HMAC-SHA256 of "timestamp.payload". */
    public static String signature(String payload, String secret, Instant timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = timestamp.getEpochSecond() + "." + payload;
            String digest = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            return "t=" + timestamp.getEpochSecond() + ",v1=" + digest;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code payload} to the service's webhook, signed now with the configured secret. */
    public static ApiClient.Response deliver(ApiClient api, String payload) {
        return deliver(api, payload, signature(payload, WEBHOOK_SECRET, Instant.now()));
    }

    public static ApiClient.Response deliver(ApiClient api, String payload, String signatureHeader) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        if (signatureHeader != null) {
            headers.put("Stripe-Signature", signatureHeader);
        }
        return api.send("POST", "/api/billing/webhook", null, payload, headers);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_standin").withBody(body);
    }

    /** One of Stripe's error bodies: {@code {"error": {"type", "code", "message"}}}. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type,
            String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        error.put("request_log_url", "https://dashboard.stripe.com/test/logs/req_standin");
        return json(status, JSON.writeValueAsString(Map.of("error", error)))
                .withHeader("Stripe-Should-Retry", "false");
    }

    @Override
    public void close() {
        server.stop();
    }
}
