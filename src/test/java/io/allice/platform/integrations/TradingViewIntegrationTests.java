package io.allice.platform.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TradingView: the secret webhook URL, alerts posted to it, and their sync into items. */
class TradingViewIntegrationTests extends IntegrationsIntegrationTest {

    @Test
    void connectReturnsSecretWebhookUrl() {
        Session user = api.registerNew("tv_connect");

        Response response = api.post("/api/integrations/tradingview/connect", user.token(), Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String url = response.json().get("webhook_url").asString();
        assertThat(url).matches("https://allice\\.example\\.test/api/integrations/tradingview/webhook/[A-Za-z0-9_-]{43}");
        String secret = url.substring(url.lastIndexOf('/') + 1);
        assertThat(String.valueOf(storedRow(user, "tradingview").get("webhook_secret_hash")))
                .hasSize(64).doesNotContain(secret);
        assertThat(api.get("/api/integrations/tradingview/status", user.token()).body()).doesNotContain(secret);
    }

    @Test
    void alertsArriveAndSync() {
        Session user = api.registerNew("tv_alerts");
        String path = webhookPath(user);

        Response json = api.send("POST", path, null, "{\"ticker\": \"BTCUSD\", \"price\": 64000.5, \"action\": \"buy\"}",
                Map.of("Content-Type", "application/json"));
        Response text = api.send("POST", path, null, "AAPL crossed 200\nsecond line", Map.of("Content-Type", "text/plain"));

        assertThat(json.status()).as(json.toString()).isEqualTo(204);
        assertThat(text.status()).as(text.toString()).isEqualTo(204);
        String secret = path.substring(path.lastIndexOf('/') + 1);
        assertThat(logText()).contains("/api/integrations/tradingview/webhook/[redacted]").doesNotContain(secret);
        Response full = api.post("/api/integrations/tradingview/sync", user.token(), Map.of("sync_type", "full"));
        assertThat(full.json().get("sync_status").asString()).as(full.toString()).isEqualTo("completed");
        assertThat(full.json().get("items_synced").asInt()).isEqualTo(2);
        JsonNode items = items(user, "tradingview_alert");
        assertThat(items).hasSize(2);
        JsonNode titles = items.get(0).get("title");
        assertThat(titles.asString() + "|" + items.get(1).get("title").asString())
                .contains("BTCUSD").contains("AAPL crossed 200");
        JsonNode btc = items.get(0).get("title").asString().equals("BTCUSD") ? items.get(0) : items.get(1);
        assertThat(btc.get("content").get("alert").get("price").asDouble()).isEqualTo(64000.5);
        assertThat(btc.get("metadata").get("source_service").asString()).isEqualTo("tradingview");

        api.send("POST", path, null, "ETHUSD alert", Map.of("Content-Type", "text/plain"));
        Response incremental = api.post("/api/integrations/tradingview/sync", user.token(), Map.of("sync_type", "incremental"));

        assertThat(incremental.json().get("items_synced").asInt()).as(incremental.toString()).isEqualTo(1);
        assertThat(items(user, "tradingview_alert")).hasSize(3);
        Response again = api.post("/api/integrations/tradingview/sync", user.token(), Map.of("sync_type", "full"));
        assertThat(again.json().get("items_synced").asInt()).isEqualTo(3);
        assertThat(items(user, "tradingview_alert")).hasSize(3);
    }

    @Test
    void unknownSecretIs404() {
        Response response = api.send("POST", "/api/integrations/tradingview/webhook/not-a-known-secret", null, "alert",
                Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
    }

    @Test
    void reconnectReplacesSecret() {
        Session user = api.registerNew("tv_reconnect");
        String first = webhookPath(user);
        String second = webhookPath(user);

        assertThat(api.send("POST", first, null, "old", Map.of("Content-Type", "text/plain")).status()).isEqualTo(404);
        assertThat(api.send("POST", second, null, "new", Map.of("Content-Type", "text/plain")).status()).isEqualTo(204);
    }

    @Test
    void oversizedOrEmptyAlertIsRejected() {
        Session user = api.registerNew("tv_limits");
        String path = webhookPath(user);

        Response large = api.send("POST", path, null, "x".repeat(2049), Map.of("Content-Type", "text/plain"));
        Response empty = api.send("POST", path, null, " ", Map.of("Content-Type", "text/plain"));

        assertThat(large.status()).as(large.toString()).isEqualTo(413);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(api.send("POST", path, null, "x".repeat(2048), Map.of("Content-Type", "text/plain")).status())
                .isEqualTo(204);
    }

    @Test
    void disconnectKeepsAlertItems() {
        Session user = api.registerNew("tv_disconnect");
        String path = webhookPath(user);
        api.send("POST", path, null, "kept alert", Map.of("Content-Type", "text/plain"));
        api.post("/api/integrations/tradingview/sync", user.token(), Map.of());

        Response response = api.delete("/api/integrations/tradingview", user.token());

        assertThat(response.status()).isEqualTo(204);
        assertThat(items(user, "tradingview_alert")).hasSize(1);
        assertThat(api.send("POST", path, null, "after", Map.of("Content-Type", "text/plain")).status()).isEqualTo(404);
    }

    private String webhookPath(Session user) {
        Response response = api.post("/api/integrations/tradingview/connect", user.token(), Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return URI_PATH.apply(response.json().get("webhook_url").asString());
    }

    private static final java.util.function.Function<String, String> URI_PATH = url -> java.net.URI.create(url).getPath();
}
