package io.allice.platform.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.StripeStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Billing in the shared test context, which sets no Stripe variables. */
@IntegrationTest
class BillingNotConfiguredIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void answersServiceUnavailableNamingSecretKey() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("unconfigured");
        Map<String, Response> responses = Map.of(
                "checkout", api.post("/api/billing/checkout", user.token(), Map.of(
                        "success_url", "https://app.example.test/success", "cancel_url", "https://app.example.test/c")),
                "subscription", api.get("/api/billing/subscription", user.token()),
                "cancel", api.post("/api/billing/subscription/cancel", user.token(), null),
                "reactivate", api.post("/api/billing/subscription/reactivate", user.token(), null),
                "invoices", api.get("/api/billing/invoices", user.token()));

        responses.forEach((endpoint, response) -> {
            assertThat(response.status()).as(endpoint).isEqualTo(503);
            assertThat(response.header("Content-Type")).as(endpoint).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(endpoint).contains("STRIPE_SECRET_KEY");
        });
    }

    @Test
    void webhookNamesMissingWebhookSecret() {
        ApiClient api = ApiClient.onPort(port);
        String payload = StripeStandIn.event("invoice.paid", Map.of("id", "in_1", "object", "invoice"), Instant.now());

        Response response = StripeStandIn.deliver(api, payload);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).contains("STRIPE_WEBHOOK_SECRET");
    }
}
