package io.allice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.BinaryResponse;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import io.allice.platform.support.PackagedJar;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the packaged jar as its own process, on the embedded H2 default with a fresh data
 * directory, and drives it over HTTP on a loopback port. Failsafe runs this after
 * {@code package} and passes the jar's path in the {@code allice.jar} system property. It runs
 * twice: once as {@code java -jar} starts the jar, and once with the JVM options in
 * {@code allice.e2e.java-options} ({@code -Dspring.aot.enabled=true}, the bean definitions and
 * repositories that the build wrote ahead of time, as {@code bin/allice} starts it).
 */
class PackagedJarE2ETests {

    private static final String ADMIN_USERNAME = "e2e-admin";
    private static final String ADMIN_PASSWORD = "e2e-admin-password-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path workDir;

    static Process service;
    static Path serviceOutput;
    static ApiClient api;
    static String baseUrl;

    /** Prints the service's output when a test fails, because the cause is usually there. */
    @RegisterExtension
    static final TestWatcher PRINT_OUTPUT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printServiceOutput();
        }
    };

    @BeforeAll
    static void startService() throws IOException {
        int port = freeLoopbackPort();
        serviceOutput = workDir.resolve("service-output.log");

        ProcessBuilder builder = PackagedJar.processBuilder(workDir, serviceOutput, List.of());
        Map<String, String> environment = builder.environment();
        environment.put("PORT", Integer.toString(port));
        // A Stripe key lets the billing reads reach their repositories. The API base is a closed
        // loopback port, so a request that would call Stripe fails here instead of leaving the machine.
        environment.put("STRIPE_SECRET_KEY", "sk_test_e2e_not_a_real_key");
        environment.put("STRIPE_API_BASE", "http://127.0.0.1:" + freeLoopbackPort());
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("ADMIN_EMAIL", "e2e-admin@example.test");
        environment.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        service = builder.start();
        baseUrl = "http://127.0.0.1:" + port;
        api = new ApiClient(baseUrl);

        try {
            awaitHealthy();
        } catch (RuntimeException | AssertionError e) {
            printServiceOutput();
            throw e;
        }
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service == null) {
            return;
        }
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly();
            service.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsInRequestedMode() {
        boolean aotMode = System.getProperty("allice.e2e.java-options", "").contains("-Dspring.aot.enabled=true");
        assertThat(serviceOutputText().contains("Starting AOT-processed AlliceApplication"))
                .as("the service's start line says whether it uses the code written ahead of time")
                .isEqualTo(aotMode);
    }

    @Test
    void userJourneyWorksOverHttp() {
        String username = TestAccounts.uniqueUsername("e2e");
        Response registered = api.post("/api/auth/register", null,
                Map.of("username", username, "email", username + "@example.test", "password", TestAccounts.PASSWORD));
        Session session = api.login(username, TestAccounts.PASSWORD);
        String content = """
                {"blocks": [{"type": "text", "text": "Grüße 世界"}, {"type": "list", "items": [1, 2.5, true, null]}],
                 "meta": {"nested": {"deep": []}}}""";

        Response created = api.post("/api/items", session.token(),
                "{\"title\": \"E2E item\", \"item_type\": \"note\", \"content\": " + content + "}");
        long itemId = created.json().get("id").asLong();
        Response listed = api.get("/api/items?item_type=note", session.token());
        Response fetched = api.get("/api/items/" + itemId, session.token());
        Response updated = api.put("/api/items/" + itemId, session.token(),
                Map.of("status", "published", "description", "now public"));
        Response loggedOut = api.post("/api/auth/logout", session.token(), null);
        Response afterLogout = api.get("/api/auth/me", session.token());

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("access_token").asString()).isNotBlank();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/items/" + itemId);
        assertThat(created.json().get("content")).isEqualTo(JSON.readTree(content));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("id").asLong()).isEqualTo(itemId);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("content")).isEqualTo(JSON.readTree(content));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("status").asString()).isEqualTo("published");
        assertThat(updated.json().get("published_at").isNull()).isFalse();
        assertThat(updated.json().get("title").asString()).isEqualTo("E2E item");
        assertThat(loggedOut.status()).isEqualTo(200);
        assertThat(afterLogout.status()).isEqualTo(401);
    }

    @Test
    void adminEndpointsWorkOverHttp() {
        Session admin = api.login(ADMIN_USERNAME, ADMIN_PASSWORD);

        Response stats = api.get("/api/system/stats", admin.token());
        Response config = api.get("/api/system/config", admin.token());
        Response logs = api.get("/api/system/logs?lines=50", admin.token());

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("memory_percent").asDouble()).isBetween(0.0, 100.0);
        assertThat(stats.json().get("java_version").asString()).isNotBlank();
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("database").asString()).isEqualTo("h2");
        assertThat(config.json().get("redis_enabled").asBoolean()).isFalse();
        assertThat(config.json().get("stripe_enabled").asBoolean()).isTrue();
        assertThat(config.body()).doesNotContain("sk_test_e2e_not_a_real_key");
        assertThat(config.body()).doesNotContain(ADMIN_PASSWORD);
        assertThat(logs.status()).isEqualTo(200);
        assertThat(logs.json().get("lines").size()).isBetween(1, 50);
    }

    @Test
    void restartKeepsUsersItemsAndRevocations() {
        Session admin = api.login(ADMIN_USERNAME, ADMIN_PASSWORD);
        Session author = api.registerNew("e2e_restart");
        long itemId = api.post("/api/items", author.token(), Map.of("title", "Survives restart"))
                .json().get("id").asLong();
        Session revoked = api.login(author.username(), TestAccounts.PASSWORD);
        api.post("/api/auth/logout", revoked.token(), null);
        double uptimeBefore = api.get("/api/system/health", null).json().get("uptime").asDouble();
        long requestedAt = System.nanoTime();

        Response restart = api.post("/api/system/restart", admin.token(), null);

        assertThat(restart.status()).isEqualTo(200);
        JsonNode health = awaitRestarted(requestedAt);
        assertThat(health.get("uptime").asDouble()).isLessThan(uptimeBefore);
        Session again = api.login(author.username(), TestAccounts.PASSWORD);
        Response item = api.get("/api/items/" + itemId, again.token());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().get("title").asString()).isEqualTo("Survives restart");
        assertThat(api.get("/api/items/" + itemId, author.token()).status())
                .as("a token issued before the restart, signed with the key kept in the data directory")
                .isEqualTo(200);
        assertThat(api.get("/api/auth/me", revoked.token()).status())
                .as("a token revoked before the restart")
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(serviceOutputText()).contains("Application context restarted"));
    }

    /**
     * Waits until the health report comes from a context younger than the time since the restart
     * was requested, which only the new context can be, and returns that report.
     */
    private static JsonNode awaitRestarted(long requestedAt) {
        return await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .failFast("the service process exited", () -> !service.isAlive())
                .until(() -> {
                    Response response = api.get("/api/system/health", null);
                    double secondsSinceRequest = (System.nanoTime() - requestedAt) / 1e9;
                    return response.status() == 200 && response.json().get("uptime").asDouble() < secondsSinceRequest
                            ? response.json() : null;
                }, Objects::nonNull);
    }

    @Test
    void apiDocsArePublic() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> swagger = fetch(browser, "/docs");
        HttpResponse<String> redoc = fetch(browser, "/redoc");
        HttpResponse<String> openApi = fetch(browser, "/openapi.json");

        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.body()).containsIgnoringCase("swagger-ui");
        assertThat(redoc.statusCode()).isEqualTo(200);
        assertThat(redoc.body()).contains("<redoc");
        for (String script : scriptSources(redoc.body())) {
            assertThat(script).as("ReDoc script served by the service").startsWith("/");
            assertThat(fetch(browser, script).statusCode()).as(script).isEqualTo(200);
        }
        assertThat(openApi.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(openApi.body());
        JsonNode bearer = document.get("components").get("securitySchemes").get("bearerAuth");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("paths").has("/api/items")).isTrue();
        assertThat(document.get("paths").has("/api/items/{item_id}")).isTrue();
        assertThat(document.get("paths").get("/api/items/{item_id}").has("put")).isTrue();
    }

    @Test
    void filesRoundTripOverHttp() {
        Session owner = api.registerNew("e2e_files");
        Session other = api.registerNew("e2e_files_other");
        byte[] content = "Figures for the journey, line one\nline two\n".getBytes(StandardCharsets.UTF_8);

        Response uploaded = api.upload("/api/files/upload", owner.token(), new MultipartBody()
                .field("description", "Journey figures")
                .field("tags", "e2e,journey")
                .file("file", "journey-figures.txt", "text/plain", content));
        long fileId = uploaded.json().get("id").asLong();
        Response listed = api.get("/api/files", owner.token());
        Response fetched = api.get("/api/files/" + fileId, owner.token());
        BinaryResponse downloaded = api.fetch("GET", "/api/files/" + fileId + "/download", owner.token(), Map.of());
        Response othersGet = api.get("/api/files/" + fileId, other.token());
        BinaryResponse othersDownload = api.fetch("GET", "/api/files/" + fileId + "/download", other.token(), Map.of());
        Response link = api.post("/api/collab/share", owner.token(), Map.of("resource_type", "file", "resource_id", fileId,
                "permission", "view", "expires_in_days", 1));
        String linkPath = "/shared/" + link.json().get("share_token").asString();
        BinaryResponse linkDownload = api.fetch("GET", linkPath + "/download", null, Map.of());
        BinaryResponse linkRange = api.fetch("GET", linkPath + "/stream", null, Map.of("Range", "bytes=0-6"));
        Response othersDelete = api.delete("/api/files/" + fileId, other.token());
        Response deleted = api.delete("/api/files/" + fileId, owner.token());
        Response afterDelete = api.get("/api/files/" + fileId, owner.token());
        Response listedAfterDelete = api.get("/api/files", owner.token());

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.header("Location")).endsWith("/api/files/" + fileId);
        JsonNode file = uploaded.json();
        assertThat(file.get("original_filename").asString()).isEqualTo("journey-figures.txt");
        assertThat(file.get("filename").asString()).matches("[0-9a-f-]{36}\\.txt");
        assertThat(file.get("file_size").asLong()).isEqualTo(content.length);
        assertThat(file.get("mime_type").asString()).startsWith("text/plain");
        assertThat(file.get("description").asString()).isEqualTo("Journey figures");
        assertThat(file.get("tags")).extracting(JsonNode::asString).containsExactly("e2e", "journey");
        assertThat(file.get("created_at").asString()).isNotBlank();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).extracting(node -> node.get("id").asLong()).containsExactly(fileId);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(file);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(content);
        assertThat(downloaded.header("Content-Disposition")).startsWith("attachment");
        assertThat(othersGet.status()).isEqualTo(404);
        assertThat(othersDownload.status()).isEqualTo(404);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(linkDownload.status()).isEqualTo(200);
        assertThat(linkDownload.body()).isEqualTo(content);
        assertThat(linkRange.status()).isEqualTo(206);
        assertThat(new String(linkRange.body(), StandardCharsets.UTF_8)).isEqualTo("Figures");
        assertThat(othersDelete.status()).isEqualTo(404);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(afterDelete.status()).isEqualTo(404);
        assertThat(listedAfterDelete.json()).isEmpty();
    }

    @Test
    void notificationsRoundTripOverHttp() {
        Session user = api.registerNew("e2e_notify");
        Session other = api.registerNew("e2e_notify_other");

        Response first = api.post("/api/notify/send", user.token(), Map.of("title", "Export finished",
                "message", "Your export is ready.", "notification_type", "success", "action_url", "/exports/7",
                "metadata", Map.of("export_id", 7)));
        Response second = api.post("/api/notify/send", user.token(), Map.of("title", "Reminder",
                "message", "Look at the report.", "notification_type", "info"));
        long firstId = first.json().get("id").asLong();
        long secondId = second.json().get("id").asLong();
        Response unreadBefore = api.get("/api/notify/unread-count", user.token());
        Response history = api.get("/api/notify/history", user.token());
        Response othersRead = api.post("/api/notify/" + firstId + "/read", other.token(), null);
        Response othersDelete = api.delete("/api/notify/" + firstId, other.token());
        Response othersHistory = api.get("/api/notify/history", other.token());
        Response read = api.post("/api/notify/" + firstId + "/read", user.token(), null);
        Response unreadOnly = api.get("/api/notify/history?unread_only=true", user.token());
        Response markedAll = api.post("/api/notify/mark-all-read", user.token(), null);
        Response unreadAfter = api.get("/api/notify/unread-count", user.token());
        Response deleted = api.delete("/api/notify/" + secondId, user.token());
        Response historyAfterDelete = api.get("/api/notify/history", user.token());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("title").asString()).isEqualTo("Export finished");
        assertThat(first.json().get("message").asString()).isEqualTo("Your export is ready.");
        assertThat(first.json().get("notification_type").asString()).isEqualTo("success");
        assertThat(first.json().get("action_url").asString()).isEqualTo("/exports/7");
        assertThat(first.json().get("metadata").get("export_id").asInt()).isEqualTo(7);
        assertThat(first.json().get("read").asBoolean()).isFalse();
        assertThat(first.json().get("read_at").isNull()).isTrue();
        assertThat(second.status()).isEqualTo(201);
        assertThat(unreadBefore.status()).isEqualTo(200);
        assertThat(unreadBefore.json().get("unread_count").asLong()).isEqualTo(2);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json()).extracting(node -> node.get("id").asLong()).containsExactly(secondId, firstId);
        assertThat(othersRead.status()).isEqualTo(404);
        assertThat(othersDelete.status()).isEqualTo(404);
        assertThat(othersHistory.json()).isEmpty();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(read.json().get("read_at").isNull()).isFalse();
        assertThat(unreadOnly.json()).extracting(node -> node.get("id").asLong()).containsExactly(secondId);
        assertThat(markedAll.status()).isEqualTo(200);
        assertThat(markedAll.json().get("marked").asInt()).isEqualTo(1);
        assertThat(unreadAfter.json().get("unread_count").asLong()).isZero();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(historyAfterDelete.json()).extracting(node -> node.get("id").asLong()).containsExactly(firstId);
    }

    @Test
    void chatRoomWithMembersOverHttp() {
        Session owner = api.registerNew("e2e_chat_owner");
        Session member = api.registerNew("e2e_chat_member");
        Session outsider = api.registerNew("e2e_chat_outsider");
        String room = "e2e-room-" + owner.userId();

        Response sent = api.post("/api/chat/send", owner.token(), Map.of("room_id", room, "message", "Hello, journey"));
        long messageId = sent.json().get("id").asLong();
        Response added = api.post("/api/chat/rooms/" + room + "/members", owner.token(), Map.of("user_id", member.userId()));
        Response members = api.get("/api/chat/rooms/" + room + "/members", member.token());
        Response reply = api.post("/api/chat/send", member.token(),
                Map.of("room_id", room, "message", "Hi back", "message_type", "text"));
        Response rooms = api.get("/api/chat/rooms", member.token());
        Response outsiderRead = api.get("/api/chat/" + room, outsider.token());
        Response outsiderEdit = api.put("/api/chat/messages/" + messageId, outsider.token(), Map.of("message", "mine now"));
        Response outsiderDelete = api.delete("/api/chat/messages/" + messageId, outsider.token());
        Response edited = api.put("/api/chat/messages/" + messageId, owner.token(), Map.of("message", "Hello again"));
        Response deleted = api.delete("/api/chat/messages/" + messageId, owner.token());
        Response history = api.get("/api/chat/" + room, owner.token());
        Response removed = api.delete("/api/chat/rooms/" + room + "/members/" + member.userId(), owner.token());
        Response removedRead = api.get("/api/chat/" + room, member.token());
        Response membersAfter = api.get("/api/chat/rooms/" + room + "/members", owner.token());

        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().get("room_id").asString()).isEqualTo(room);
        assertThat(sent.json().get("user_id").asLong()).isEqualTo(owner.userId());
        assertThat(sent.json().get("username").asString()).isEqualTo(owner.username());
        assertThat(sent.json().get("message").asString()).isEqualTo("Hello, journey");
        assertThat(sent.json().get("message_type").asString()).isEqualTo("text");
        assertThat(sent.json().get("edited_at").isNull()).isTrue();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("user_id").asLong()).isEqualTo(member.userId());
        assertThat(added.json().get("role").asString()).isEqualTo("member");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.json()).extracting(node -> node.get("user_id").asLong() + ":" + node.get("role").asString())
                .containsExactlyInAnyOrder(owner.userId() + ":owner", member.userId() + ":member");
        assertThat(reply.status()).isEqualTo(201);
        long replyId = reply.json().get("id").asLong();
        assertThat(rooms.status()).isEqualTo(200);
        assertThat(rooms.json()).hasSize(1);
        assertThat(rooms.json().get(0).get("room_id").asString()).isEqualTo(room);
        assertThat(rooms.json().get(0).get("owner_id").asLong()).isEqualTo(owner.userId());
        assertThat(rooms.json().get(0).get("role").asString()).isEqualTo("member");
        assertThat(rooms.json().get(0).get("last_message").get("id").asLong()).isEqualTo(replyId);
        assertThat(outsiderRead.status()).isEqualTo(404);
        assertThat(outsiderEdit.status()).isEqualTo(404);
        assertThat(outsiderDelete.status()).isEqualTo(404);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("message").asString()).isEqualTo("Hello again");
        assertThat(edited.json().get("edited_at").isNull()).isFalse();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get(0).get("id").asLong()).as("newest first").isEqualTo(replyId);
        assertThat(history.json()).extracting(node -> node.get("message_type").asString()).contains("system");
        JsonNode tombstone = find(history.json(), messageId);
        assertThat(tombstone.get("message").asString()).isEmpty();
        assertThat(tombstone.get("deleted_at").isNull()).isFalse();
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removedRead.status()).isEqualTo(404);
        assertThat(membersAfter.json()).extracting(node -> node.get("user_id").asLong()).containsExactly(owner.userId());
    }

    @Test
    void sharingSearchAndRecommendationsOverHttp() {
        Session owner = api.registerNew("e2e_share_owner");
        Session recipient = api.registerNew("e2e_share_recipient");
        Session outsider = api.registerNew("e2e_share_outsider");
        long itemId = api.post("/api/items", owner.token(), Map.of("title", "Marmalade forecast",
                "description", "Orange harvest plans", "item_type", "report")).json().get("id").asLong();

        Response ownerFinds = api.get("/api/search?q=marmalade", owner.token());
        Response recipientFindsBefore = api.get("/api/search?q=marmalade", recipient.token());
        Response recipientReadsBefore = api.get("/api/items/" + itemId, recipient.token());
        Response shared = api.post("/api/collab/share", owner.token(), Map.of("resource_type", "item",
                "resource_id", itemId, "shared_with_user_id", recipient.userId(), "permission", "view",
                "expires_in_days", 7));
        long shareId = shared.json().get("id").asLong();
        Response sharedByOwner = api.get("/api/collab/shared", owner.token());
        Response sharedWithRecipient = api.get("/api/collab/shared-with-me", recipient.token());
        Response recommendations = api.get("/api/recommendations", recipient.token());
        Response recipientFinds = api.get("/api/search?q=marmalade&type=item", recipient.token());
        Response recipientReads = api.get("/api/items/" + itemId, recipient.token());
        Response outsiderReads = api.get("/api/items/" + itemId, outsider.token());
        Response outsiderRevokes = api.delete("/api/collab/share/" + shareId, outsider.token());
        Response revoked = api.delete("/api/collab/share/" + shareId, owner.token());
        Response recipientReadsAfter = api.get("/api/items/" + itemId, recipient.token());
        Response sharedWithRecipientAfter = api.get("/api/collab/shared-with-me", recipient.token());
        Response sharedByOwnerAfter = api.get("/api/collab/shared", owner.token());

        assertThat(ownerFinds.status()).as(ownerFinds.toString()).isEqualTo(200);
        assertThat(ownerFinds.json()).hasSize(1);
        JsonNode hit = ownerFinds.json().get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(itemId);
        assertThat(hit.get("type").asString()).isEqualTo("item");
        assertThat(hit.get("title").asString()).isEqualTo("Marmalade forecast");
        assertThat(hit.get("description").asString()).isEqualTo("Orange harvest plans");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.get("highlight").asString()).contains("<mark>Marmalade</mark>");
        assertThat(recipientFindsBefore.json()).isEmpty();
        assertThat(recipientReadsBefore.status()).isEqualTo(404);
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        assertThat(shared.header("Location")).endsWith("/api/collab/share/" + shareId);
        assertThat(shared.json().get("resource_type").asString()).isEqualTo("item");
        assertThat(shared.json().get("resource_id").asLong()).isEqualTo(itemId);
        assertThat(shared.json().get("shared_with_user_id").asLong()).isEqualTo(recipient.userId());
        assertThat(shared.json().get("permission").asString()).isEqualTo("view");
        assertThat(shared.json().get("share_token").isNull()).as("a token is for public links only").isTrue();
        assertThat(shared.json().get("expires_at").isNull()).isFalse();
        assertThat(shared.json().get("expired").asBoolean()).isFalse();
        assertThat(sharedByOwner.status()).isEqualTo(200);
        assertThat(sharedByOwner.json()).extracting(node -> node.get("id").asLong()).containsExactly(shareId);
        assertThat(sharedWithRecipient.status()).isEqualTo(200);
        assertThat(sharedWithRecipient.json()).hasSize(1);
        JsonNode received = sharedWithRecipient.json().get(0);
        assertThat(received.get("share_id").asLong()).isEqualTo(shareId);
        assertThat(received.get("resource_type").asString()).isEqualTo("item");
        assertThat(received.get("resource_id").asLong()).isEqualTo(itemId);
        assertThat(received.get("owner_id").asLong()).isEqualTo(owner.userId());
        assertThat(received.get("owner_username").asString()).isEqualTo(owner.username());
        assertThat(received.get("permission").asString()).isEqualTo("view");
        assertThat(recommendations.status()).as(recommendations.toString()).isEqualTo(200);
        assertThat(recommendations.json())
                .extracting(node -> node.get("type").asString() + ":" + node.get("id").asLong() + ":" + node.get("reason").asString())
                .containsExactly("item:" + itemId + ":shared_with_you");
        assertThat(recipientFinds.status()).isEqualTo(200);
        assertThat(recipientFinds.json()).extracting(node -> node.get("id").asLong()).containsExactly(itemId);
        assertThat(recipientReads.status()).isEqualTo(200);
        assertThat(recipientReads.json().get("title").asString()).isEqualTo("Marmalade forecast");
        assertThat(outsiderReads.status()).isEqualTo(404);
        assertThat(outsiderRevokes.status()).isEqualTo(404);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(recipientReadsAfter.status()).isEqualTo(404);
        assertThat(sharedWithRecipientAfter.json()).isEmpty();
        assertThat(sharedByOwnerAfter.json()).isEmpty();
    }

    /** Uses TradingView, whose connection is only a webhook URL here, so nothing is sent to any other host. */
    @Test
    void integrationsOverHttpWithoutReachingAnyService() {
        Session user = api.registerNew("e2e_integrations");
        Session other = api.registerNew("e2e_integrations_other");

        Response before = api.get("/api/integrations", user.token());
        Response notConnected = api.get("/api/integrations/github/status", user.token());
        Response connected = api.post("/api/integrations/tradingview/connect", user.token(), null);
        Response status = api.get("/api/integrations/tradingview/status", user.token());
        Response listed = api.get("/api/integrations", user.token());
        Response othersStatus = api.get("/api/integrations/tradingview/status", other.token());
        Response othersList = api.get("/api/integrations", other.token());
        Response disconnected = api.delete("/api/integrations/tradingview", user.token());
        Response afterDisconnect = api.get("/api/integrations/tradingview/status", user.token());

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json()).isEmpty();
        assertThat(notConnected.status()).isEqualTo(404);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        assertThat(connected.json().get("webhook_url").asString()).contains("/api/integrations/tradingview/webhook/");
        assertThat(status.status()).isEqualTo(200);
        JsonNode integration = status.json();
        assertThat(integration.get("id").asLong()).isEqualTo(connected.json().get("id").asLong());
        assertThat(integration.get("service_name").asString()).isEqualTo("tradingview");
        assertThat(integration.get("account").asString()).isEqualTo("webhook");
        assertThat(integration.get("connected").asBoolean()).isTrue();
        assertThat(integration.get("needs_reconnect").asBoolean()).isFalse();
        assertThat(integration.get("sync_status").asString()).isEqualTo("idle");
        assertThat(integration.get("last_sync").isNull()).isTrue();
        assertThat(integration.get("items_synced_total").asLong()).isZero();
        assertThat(integration.get("webhook_url").isNull()).as("shown only when connecting").isTrue();
        assertThat(listed.json()).extracting(node -> node.get("service_name").asString()).containsExactly("tradingview");
        assertThat(othersStatus.status()).isEqualTo(404);
        assertThat(othersList.json()).isEmpty();
        assertThat(disconnected.status()).isEqualTo(204);
        assertThat(afterDisconnect.status()).isEqualTo(404);
    }

    /** The service under test has a Stripe key but no reachable Stripe, and no AI provider. */
    @Test
    void billingAndAiWithoutProvidersOverHttp() {
        Session user = api.registerNew("e2e_billing_ai");

        Response subscription = api.get("/api/billing/subscription", user.token());
        Response invoices = api.get("/api/billing/invoices", user.token());
        Response models = api.get("/api/ai/models", user.token());
        Response usage = api.get("/api/ai/usage", user.token());
        Response trainingJobs = api.get("/api/ai/train", user.token());
        Response missingJob = api.get("/api/ai/train/999999", user.token());

        assertThat(subscription.status()).as("no subscription yet: " + subscription).isEqualTo(404);
        assertThat(subscription.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invoices.status()).as(invoices.toString()).isEqualTo(200);
        assertThat(invoices.json()).as("no Stripe customer yet, so Stripe is not asked").isEmpty();
        assertThat(models.status()).as(models.toString()).isEqualTo(200);
        assertThat(models.json()).as("no provider is configured").isEmpty();
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.json().get("days").asInt()).isEqualTo(30);
        assertThat(usage.json().get("requests").asLong()).isZero();
        assertThat(usage.json().get("failed_requests").asLong()).isZero();
        assertThat(usage.json().get("by_model")).isEmpty();
        assertThat(trainingJobs.status()).as(trainingJobs.toString()).isEqualTo(200);
        assertThat(trainingJobs.json()).isEmpty();
        assertThat(missingJob.status()).isEqualTo(404);
    }

    @Test
    void mediaListAndMissingRecordOverHttp() {
        Session user = api.registerNew("e2e_media_empty");

        Response listed = api.get("/api/media", user.token());
        Response missing = api.get("/api/media/999999", user.token());

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json()).isEmpty();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void mediaUploadAndTranscodeOverHttp() {
        assumeTrue(onPath("ffmpeg") && onPath("ffprobe"), "ffmpeg and ffprobe are not on the PATH");
        Session user = api.registerNew("e2e_media");
        Session other = api.registerNew("e2e_media_other");
        byte[] audio = MediaFixtures.audio();

        Response uploaded = api.upload("/api/media/upload", user.token(),
                new MultipartBody().file("file", "tone.mp3", "audio/mpeg", audio));
        long mediaId = uploaded.json().get("id").asLong();
        Response othersGet = api.get("/api/media/" + mediaId, other.token());
        Response transcode = api.post("/api/media/" + mediaId + "/transcode", user.token(),
                Map.of("output_format", "wav", "quality", "low"));
        JsonNode rendition = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/media/" + mediaId, user.token()).json().get("renditions").get(0),
                        job -> List.of("completed", "failed").contains(job.get("status").asString()));
        Response listed = api.get("/api/media", user.token());
        Response deleted = api.delete("/api/media/" + mediaId, user.token());
        Response afterDelete = api.get("/api/media/" + mediaId, user.token());

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.header("Location")).endsWith("/api/media/" + mediaId);
        assertThat(uploaded.json().get("original_filename").asString()).isEqualTo("tone.mp3");
        assertThat(uploaded.json().get("file_size").asLong()).isEqualTo(audio.length);
        assertThat(uploaded.json().get("mime_type").asString()).isEqualTo("audio/mpeg");
        assertThat(uploaded.json().get("media_type").asString()).isEqualTo("audio");
        assertThat(uploaded.json().get("duration").asDouble()).isCloseTo(MediaFixtures.CLIP_SECONDS, within(0.3));
        assertThat(uploaded.json().get("width").isNull()).isTrue();
        assertThat(othersGet.status()).isEqualTo(404);
        assertThat(transcode.status()).as(transcode.toString()).isEqualTo(200);
        assertThat(transcode.json().get("media_id").asLong()).isEqualTo(mediaId);
        assertThat(transcode.json().get("output_format").asString()).isEqualTo("wav");
        assertThat(transcode.json().get("quality").asString()).isEqualTo("low");
        assertThat(rendition.get("id").asLong()).isEqualTo(transcode.json().get("id").asLong());
        assertThat(rendition.get("status").asString()).as(rendition.toString()).isEqualTo("completed");
        assertThat(rendition.get("progress").asInt()).isEqualTo(100);
        assertThat(rendition.get("file_size").asLong()).isPositive();
        assertThat(listed.json()).extracting(node -> node.get("id").asLong()).containsExactly(mediaId);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(afterDelete.status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode messages, long id) {
        for (JsonNode message : messages) {
            if (message.get("id").asLong() == id) {
                return message;
            }
        }
        throw new AssertionError("message " + id + " is not in " + messages);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, program)));
    }

    private static HttpResponse<String> fetch(HttpClient client, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> scriptSources(String html) {
        List<String> sources = new ArrayList<>();
        Matcher matcher = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"").matcher(html);
        while (matcher.find()) {
            sources.add(matcher.group(1));
        }
        return sources;
    }

    private static void awaitHealthy() {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the service process exited", () -> !service.isAlive())
                .untilAsserted(() -> assertThat(api.get("/api/system/health", null).status()).isEqualTo(200));
    }

    /** Finds a free port on the loopback interface, which the service then binds. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String serviceOutputText() {
        try {
            return Files.readString(serviceOutput);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printServiceOutput() {
        if (serviceOutput != null && Files.exists(serviceOutput)) {
            System.err.println("----- output of the service under test (" + serviceOutput + ") -----");
            System.err.println(serviceOutputText());
        }
    }
}
