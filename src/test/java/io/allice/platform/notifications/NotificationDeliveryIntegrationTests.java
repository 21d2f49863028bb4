package io.allice.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestWebSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class NotificationDeliveryIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void pushesNewNotificationOverWebSocket() {
        Session alice = api.registerNew("deliver_ws");

        try (TestWebSocket socket = TestWebSocket.connect(port, alice.token())) {
            socket.nextOfType("ready");
            long id = api.post("/api/notify/send", alice.token(), Map.of("title", "Live", "message", "Over the socket"))
                    .json().get("id").asLong();

            JsonNode frame = socket.nextOfType("notification");

            assertThat(frame.get("data").get("id").asLong()).isEqualTo(id);
            assertThat(frame.get("data").get("title").asString()).isEqualTo("Live");
            assertThat(frame.get("data").get("notification_type").asString()).isEqualTo("info");
        }
    }

    @Test
    void doesNotPushToOtherUsers() {
        Session alice = api.registerNew("deliver_alice");
        Session bob = api.registerNew("deliver_bob");

        try (TestWebSocket bobSocket = TestWebSocket.connect(port, bob.token())) {
            bobSocket.nextOfType("ready");
            api.post("/api/notify/send", alice.token(), Map.of("title", "Alice only", "message", ""));
            api.post("/api/notify/send", bob.token(), Map.of("title", "Bob's", "message", ""));

            JsonNode frame = bobSocket.nextOfType("notification");

            assertThat(frame.get("data").get("title").asString()).isEqualTo("Bob's");
        }
    }

    @Test
    void streamsNotificationAsServerSentEvent() throws Exception {
        Session alice = api.registerNew("deliver_sse");
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/notify/stream?access_token=" + alice.token()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> readNotificationData(lines));
            api.post("/api/notify/send", alice.token(), Map.of("title", "Streamed", "message", "Over SSE"));

            JsonNode notification = JSON.readTree(data.get(5, TimeUnit.SECONDS));

            assertThat(notification.get("title").asString()).isEqualTo("Streamed");
            assertThat(notification.get("message").asString()).isEqualTo("Over SSE");
        }
    }

    @Test
    void endsStreamWhenTokenIsSignedOut() throws Exception {
        Session alice = api.registerNew("deliver_sse_logout");
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/notify/stream?access_token=" + alice.token()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> readsToEnd(lines));
            api.post("/api/auth/logout", alice.token(), null);

            assertThat(ended.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static boolean readsToEnd(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // Skips the greeting comment; the loop ends when the server closes the stream.
            }
            return true;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void rejectsStreamWithoutToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notify/stream"))
                .timeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Reads SSE lines until the data line of the first {@code notification} event. */
    private static String readNotificationData(BufferedReader lines) {
        try {
            boolean inNotification = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("event:notification") || line.equals("event: notification")) {
                    inNotification = true;
                } else if (inNotification && line.startsWith("data:")) {
                    return line.substring("data:".length()).trim();
                }
            }
            throw new IllegalStateException("The event stream ended without a notification");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
