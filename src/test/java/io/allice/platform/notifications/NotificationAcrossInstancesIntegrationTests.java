package io.allice.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.TestAccounts;
import io.allice.platform.support.TestWebSocket;
import io.allice.platform.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A notification created on one instance reaches a client connected to another, through Redis. */
class NotificationAcrossInstancesIntegrationTests {

    static TwoInstances instances;

    @BeforeAll
    static void startInstances() {
        instances = new TwoInstances();
    }

    @AfterAll
    static void stopInstances() {
        instances.close();
    }

    @Test
    void deliversToClientOnOtherInstance() {
        ApiClient first = ApiClient.onPort(instances.port(0));
        Session alice = first.register(TestAccounts.uniqueUsername("across"));

        try (TestWebSocket onSecond = TestWebSocket.connect(instances.port(1), alice.token())) {
            onSecond.nextOfType("ready");
            first.post("/api/notify/send", alice.token(), Map.of("title", "From the first instance", "message", ""));

            JsonNode frame = onSecond.nextOfType("notification");

            assertThat(frame.get("data").get("title").asString()).isEqualTo("From the first instance");
        }
    }

    @Test
    void revokesTokenOnEveryInstance() {
        ApiClient first = ApiClient.onPort(instances.port(0));
        ApiClient second = ApiClient.onPort(instances.port(1));
        Session bob = first.register(TestAccounts.uniqueUsername("revoke_across"));

        first.post("/api/auth/logout", bob.token(), null);

        assertThat(second.get("/api/auth/me", bob.token()).status()).isEqualTo(401);
    }
}
