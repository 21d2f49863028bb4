package io.allice.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class NotificationApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    static Map<String, Object> aNotification(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("message", "Something happened");
        return body;
    }

    @Test
    void sendsNotificationToCaller() {
        Session alice = api.registerNew("notify_self");
        Map<String, Object> body = aNotification("Export finished");
        body.put("notification_type", "success");
        body.put("action_url", "https://example.com/exports/1");
        body.put("metadata", Map.of("export_id", 1));

        Response response = api.post("/api/notify/send", alice.token(), body);

        assertThat(response.status()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("id").asLong()).isPositive();
        assertThat(json.get("title").asString()).isEqualTo("Export finished");
        assertThat(json.get("message").asString()).isEqualTo("Something happened");
        assertThat(json.get("notification_type").asString()).isEqualTo("success");
        assertThat(json.get("read").asBoolean()).isFalse();
        assertThat(json.get("action_url").asString()).isEqualTo("https://example.com/exports/1");
        assertThat(json.get("metadata").get("export_id").asInt()).isEqualTo(1);
        assertThat(json.get("created_at").asString()).endsWith("Z");
        assertThat(json.get("read_at").isNull()).isTrue();
        assertThat(response.header("Location")).isEqualTo("/api/notify/" + json.get("id").asLong());
    }

    @Test
    void defaultsTypeToInfo() {
        Session alice = api.registerNew("notify_default");

        Response response = api.post("/api/notify/send", alice.token(), aNotification("Hello"));

        assertThat(response.json().get("notification_type").asString()).isEqualTo("info");
    }

    static List<Arguments> invalidNotifications() {
        return List.of(
                Arguments.of("title", null),
                Arguments.of("title", "   "),
                Arguments.of("title", "x".repeat(201)),
                Arguments.of("message", null),
                Arguments.of("message", "x".repeat(5001)),
                Arguments.of("notification_type", "urgent"),
                Arguments.of("action_url", "javascript:alert(1)"),
                Arguments.of("action_url", "//evil.example.test/phish"),
                Arguments.of("action_url", "ftp://example.com/file"),
                Arguments.of("action_url", "relative/path"),
                Arguments.of("title", "nul\u0000byte"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidNotifications")
    void rejectsInvalidField(String field, Object value) {
        Session alice = api.registerNew("notify_invalid");
        Map<String, Object> body = aNotification("Valid title");
        body.put(field, value);

        Response response = api.post("/api/notify/send", alice.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/inbox", "/exports/42?tab=files", "https://example.com/x", "http://localhost:3000/a"})
    void acceptsValidActionUrl(String actionUrl) {
        Session alice = api.registerNew("notify_url");
        Map<String, Object> body = aNotification("Link");
        body.put("action_url", actionUrl);

        Response response = api.post("/api/notify/send", alice.token(), body);

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void rejectsPlainUserNotifyingSomeoneElse() {
        Session alice = api.registerNew("notify_alice");
        Session bob = api.registerNew("notify_bob");

        Response response = api.post("/api/notify/send?user_id=" + bob.userId(), alice.token(), aNotification("Hi"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/api/notify/unread-count", bob.token()).json().get("unread_count").asLong()).isZero();
    }

    @Test
    void letsAdminNotifyAnyUser() {
        Session admin = api.admin();
        Session bob = api.registerNew("notify_target");

        Response response = api.post("/api/notify/send?user_id=" + bob.userId(), admin.token(), aNotification("From admin"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode history = api.get("/api/notify/history", bob.token()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("title").asString()).isEqualTo("From admin");
    }

    @Test
    void acceptsRecipientInBody() {
        Session admin = api.admin();
        Session alice = api.registerNew("notify_body_admin_target");
        Session mallory = api.registerNew("notify_body_plain");
        Map<String, Object> body = aNotification("Via body");
        body.put("user_id", alice.userId());

        Response byAdmin = api.post("/api/notify/send", admin.token(), body);
        Response byPlainUser = api.post("/api/notify/send", mallory.token(), body);
        Response conflicting = api.post("/api/notify/send?user_id=" + mallory.userId(), admin.token(), body);

        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(api.get("/api/notify/history", alice.token()).json()).hasSize(1);
        assertThat(byPlainUser.status()).isEqualTo(403);
        assertThat(conflicting.status()).isEqualTo(400);
    }

    @Test
    void rejectsAdminNotifyingMissingUser() {
        Session admin = api.admin();

        Response response = api.post("/api/notify/send?user_id=999999999", admin.token(), aNotification("Nobody"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void listsHistoryNewestFirstWithFiltersAndPaging() {
        Session alice = api.registerNew("notify_history");
        long first = api.post("/api/notify/send", alice.token(), aNotification("first")).json().get("id").asLong();
        api.post("/api/notify/send", alice.token(), aNotification("second"));
        api.post("/api/notify/send", alice.token(), aNotification("third"));
        api.post("/api/notify/" + first + "/read", alice.token(), null);

        JsonNode all = api.get("/api/notify/history", alice.token()).json();
        JsonNode unread = api.get("/api/notify/history?unread_only=true", alice.token()).json();
        JsonNode page = api.get("/api/notify/history?skip=1&limit=1", alice.token()).json();

        assertThat(all).extracting(node -> node.get("title").asString()).containsExactly("third", "second", "first");
        assertThat(unread).extracting(node -> node.get("title").asString()).containsExactly("third", "second");
        assertThat(page).extracting(node -> node.get("title").asString()).containsExactly("second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"skip=-1", "limit=0", "limit=201", "limit=abc", "unread_only=maybe"})
    void rejectsInvalidHistoryParameters(String query) {
        Session alice = api.registerNew("notify_params");

        Response response = api.get("/api/notify/history?" + query, alice.token());

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void keepsFirstReadTime() {
        Session alice = api.registerNew("notify_read");
        long id = api.post("/api/notify/send", alice.token(), aNotification("Read me")).json().get("id").asLong();

        JsonNode firstRead = api.post("/api/notify/" + id + "/read", alice.token(), null).json();
        JsonNode secondRead = api.post("/api/notify/" + id + "/read", alice.token(), null).json();

        assertThat(firstRead.get("read").asBoolean()).isTrue();
        assertThat(firstRead.get("read_at").isNull()).isFalse();
        assertThat(secondRead.get("read_at").asString()).isEqualTo(firstRead.get("read_at").asString());
    }

    @Test
    void marksAllReadAndCountsThem() {
        Session alice = api.registerNew("notify_all");
        api.post("/api/notify/send", alice.token(), aNotification("one"));
        api.post("/api/notify/send", alice.token(), aNotification("two"));

        long unreadBefore = api.get("/api/notify/unread-count", alice.token()).json().get("unread_count").asLong();
        JsonNode marked = api.post("/api/notify/mark-all-read", alice.token(), null).json();
        long unreadAfter = api.get("/api/notify/unread-count", alice.token()).json().get("unread_count").asLong();
        JsonNode markedAgain = api.post("/api/notify/mark-all-read", alice.token(), null).json();

        assertThat(unreadBefore).isEqualTo(2);
        assertThat(marked.get("marked").asInt()).isEqualTo(2);
        assertThat(unreadAfter).isZero();
        assertThat(markedAgain.get("marked").asInt()).isZero();
    }

    @Test
    void deletesOwnNotification() {
        Session alice = api.registerNew("notify_delete");
        long id = api.post("/api/notify/send", alice.token(), aNotification("Bye")).json().get("id").asLong();

        Response deleted = api.delete("/api/notify/" + id, alice.token());
        Response again = api.delete("/api/notify/" + id, alice.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void hidesForeignNotificationAs404() {
        Session alice = api.registerNew("notify_owner");
        Session mallory = api.registerNew("notify_other");
        long id = api.post("/api/notify/send", alice.token(), aNotification("Private")).json().get("id").asLong();

        Response read = api.post("/api/notify/" + id + "/read", mallory.token(), null);
        Response delete = api.delete("/api/notify/" + id, mallory.token());
        Response missing = api.post("/api/notify/999999999/read", mallory.token(), null);

        assertThat(read.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asString()).isEqualTo("Notification " + id + " not found");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(api.get("/api/notify/history", alice.token()).json().get(0).get("read").asBoolean()).isFalse();
    }

    @Test
    void requiresToken() {
        assertThat(api.get("/api/notify/history", null).status()).isEqualTo(401);
        assertThat(api.post("/api/notify/send", null, aNotification("x")).status()).isEqualTo(401);
    }

    @Test
    void storesNotificationRequestedByAnotherArea() {
        Session alice = api.registerNew("notify_event");

        transactions.executeWithoutResult(status -> events.publishEvent(new NotificationRequested(alice.userId(),
                "Transcode finished", "Your video is ready", "success", "/media/1", Map.of("media_id", 1), false)));

        JsonNode history = api.get("/api/notify/history", alice.token()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("title").asString()).isEqualTo("Transcode finished");
        assertThat(history.get(0).get("notification_type").asString()).isEqualTo("success");
    }

    @Test
    void dropsNotificationOfRolledBackTransaction() {
        Session alice = api.registerNew("notify_rollback");

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new NotificationRequested(alice.userId(), "Never", "Rolled back", "info", null, null, false));
            status.setRollbackOnly();
        });

        assertThat(api.get("/api/notify/history", alice.token()).json()).isEmpty();
    }
}
