package io.allice.platform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.StripeStandIn;
import io.allice.platform.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits by subscription tier on two instances that share Redis: the free limit counts
 * across both, and an activation webhook on one moves the user to the pro limit on the other.
 */
class TierRateLimitAcrossInstancesIntegrationTests {

    static final int FREE_LIMIT = 6;
    static final int PRO_LIMIT = 15;

    static StripeStandIn stripe;
    static TwoInstances instances;

    @BeforeAll
    static void start() {
        stripe = new StripeStandIn();
        Map<String, String> properties = new LinkedHashMap<>(stripe.properties());
        properties.put("allice.rate-limit.free-per-minute", Integer.toString(FREE_LIMIT));
        properties.put("allice.rate-limit.pro-per-minute", Integer.toString(PRO_LIMIT));
        instances = new TwoInstances(properties);
    }

    @AfterAll
    static void stop() {
        instances.close();
        stripe.close();
    }

    @Test
    void movesUserFromFreeToProLimitAfterActivation() {
        ApiClient first = ApiClient.onPort(instances.port(0));
        ApiClient second = ApiClient.onPort(instances.port(1));
        Session user = first.registerNew("tier_across");
        for (int request = 1; request <= FREE_LIMIT; request++) {
            ApiClient instance = request % 2 == 0 ? second : first;
            Response allowed = instance.get("/api/auth/me", user.token());
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("RateLimit-Remaining")).isEqualTo(Integer.toString(FREE_LIMIT - request));
        }
        assertThat(second.get("/api/auth/me", user.token()).status()).isEqualTo(429);

        Response activation = StripeStandIn.deliver(first, StripeStandIn.event("customer.subscription.created",
                StripeStandIn.subscription("sub_" + user.userId() + "_tier", user.userId(), "active", false,
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")),
                Instant.now().minusSeconds(60)));
        // The second instance learns of the new tier by Redis pub/sub, usually before the next
        // request but not always. Until then it checks the spent free bucket and returns 429,
        // which leaves the pro bucket untouched, so the counts below stay exact after a retry.
        Response onSecond = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> second.get("/api/auth/me", user.token()), response -> response.status() != 429);
        Response onFirst = first.get("/api/auth/me", user.token());

        assertThat(activation.status()).isEqualTo(200);
        assertThat(onSecond.status()).isEqualTo(200);
        assertThat(onSecond.header("RateLimit-Limit")).isEqualTo(Integer.toString(PRO_LIMIT));
        assertThat(onSecond.header("RateLimit-Remaining")).isEqualTo(Integer.toString(PRO_LIMIT - 1));
        assertThat(onFirst.header("RateLimit-Remaining")).isEqualTo(Integer.toString(PRO_LIMIT - 2));
        for (int request = 3; request <= PRO_LIMIT; request++) {
            assertThat(first.get("/api/auth/me", user.token()).status()).isEqualTo(200);
        }
        assertThat(second.get("/api/auth/me", user.token()).status()).isEqualTo(429);
    }
}
