package io.allice.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import io.allice.platform.support.TestWebSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a transcode tells its owner while it runs and when it ends. */
@IntegrationTest
class TranscodeEventsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    BlobStorage storage;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    Response uploadAudio(Session owner) {
        Response created = api.upload("/api/media/upload", owner.token(),
                new MultipartBody().file("file", "tone.wav", "audio/wav", MediaFixtures.audio()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    @Test
    void sendsProgressAndNotifiesWhenFinished() {
        Session alice = api.registerNew("transcode_events");
        long mediaId = uploadAudio(alice).json().get("id").asLong();

        try (TestWebSocket socket = TestWebSocket.connect(port, alice.token())) {
            socket.nextOfType("ready");
            long jobId = api.post("/api/media/" + mediaId + "/transcode", alice.token(),
                    Map.of("output_format", "mp3", "quality", "low")).json().get("id").asLong();

            JsonNode completed = null;
            JsonNode notification = null;
            while (completed == null || notification == null) {
                JsonNode frame = socket.next();
                String type = frame.get("type").asString();
                if (type.equals("transcode.progress")) {
                    assertThat(frame.get("data").get("id").asLong()).isEqualTo(jobId);
                    assertThat(frame.get("data").get("status").asString()).isIn("processing", "completed");
                    if (frame.get("data").get("status").asString().equals("completed")) {
                        completed = frame;
                    }
                } else if (type.equals("notification")) {
                    notification = frame;
                }
            }

            assertThat(completed.get("data").get("progress").asInt()).isEqualTo(100);
            assertThat(notification.get("data").get("title").asString()).isEqualTo("Transcode finished");
            assertThat(notification.get("data").get("notification_type").asString()).isEqualTo("success");
        }
    }

    @Test
    void notifiesWhenTranscodeFails() throws Exception {
        Session alice = api.registerNew("transcode_failure");
        Response created = uploadAudio(alice);
        long mediaId = created.json().get("id").asLong();
        storage.write("media/" + created.json().get("filename").asString(),
                new ByteArrayInputStream("no longer audio".getBytes(StandardCharsets.UTF_8)));

        api.post("/api/media/" + mediaId + "/transcode", alice.token(), Map.of("output_format", "mp3", "quality", "low"));

        JsonNode notification = await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/notify/history", alice.token()).json(), history -> !history.isEmpty()).get(0);
        assertThat(notification.get("title").asString()).isEqualTo("Transcode failed");
        assertThat(notification.get("notification_type").asString()).isEqualTo("error");
        assertThat(notification.get("metadata").get("media_id").asLong()).isEqualTo(mediaId);
    }
}
