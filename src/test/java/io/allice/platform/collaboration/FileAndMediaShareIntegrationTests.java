package io.allice.platform.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.BinaryResponse;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sharing files and media: public links with ranges and HEAD, and a shared user's reach. */
@IntegrationTest
class FileAndMediaShareIntegrationTests {

    private static final byte[] TEXT = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    long aFile(Session owner) {
        Response created = api.upload("/api/files/upload", owner.token(),
                new MultipartBody().file("file", "notes v1.txt", "text/plain", TEXT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long aVideo(Session owner) {
        Response created = api.upload("/api/media/upload", owner.token(),
                new MultipartBody().file("file", "clip.mp4", "video/mp4", MediaFixtures.video()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    Response share(Session owner, String type, long id, Long with) {
        Map<String, Object> body = new HashMap<>();
        body.put("resource_type", type);
        body.put("resource_id", id);
        body.put("shared_with_user_id", with);
        return api.post("/api/collab/share", owner.token(), body);
    }

    @Test
    void publicLinkDownloadsFileWithRanges() {
        Session alice = api.registerNew("share_file_public");
        long fileId = aFile(alice);
        String token = share(alice, "file", fileId, null).json().get("share_token").asString();

        Response record = api.get("/shared/" + token, null);
        BinaryResponse whole = api.fetch("GET", "/shared/" + token + "/download", null, Map.of());
        BinaryResponse range = api.fetch("GET", "/shared/" + token + "/download", null, Map.of("Range", "bytes=10-15"));
        BinaryResponse head = api.fetch("HEAD", "/shared/" + token + "/download", null, Map.of());
        BinaryResponse unsatisfiable = api.fetch("GET", "/shared/" + token + "/download", null,
                Map.of("Range", "bytes=1000-"));

        assertThat(record.json().get("resource").get("original_filename").asString()).isEqualTo("notes v1.txt");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(TEXT);
        assertThat(whole.header("Content-Disposition")).startsWith("attachment");
        assertThat(range.status()).isEqualTo(206);
        assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("abcdef");
        assertThat(range.header("Content-Range")).isEqualTo("bytes 10-15/" + TEXT.length);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(TEXT.length));
        assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(head.header("ETag")).isEqualTo(whole.header("ETag"));
        assertThat(unsatisfiable.status()).isEqualTo(416);
    }

    @Test
    void headOnPublicLinkMatchesGet() {
        Session alice = api.registerNew("share_head");
        String fileToken = share(alice, "file", aFile(alice), null).json().get("share_token").asString();
        String mediaToken = share(alice, "media", aVideo(alice), null).json().get("share_token").asString();

        for (String path : List.of("/shared/" + fileToken + "/download", "/shared/" + mediaToken + "/stream",
                "/shared/" + mediaToken + "/download")) {
            BinaryResponse get = api.fetch("GET", path, null, Map.of());
            BinaryResponse head = api.fetch("HEAD", path, null, Map.of());

            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            for (String header : List.of("Content-Type", "Content-Length", "Accept-Ranges", "ETag",
                    "Content-Disposition")) {
                assertThat(head.header(header)).as(path + " " + header).isNotNull().isEqualTo(get.header(header));
            }
        }
        assertThat(api.fetch("HEAD", "/shared/no-such-token/download", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void publicLinkStreamsMediaInlineWithRange() {
        Session alice = api.registerNew("share_media_public");
        long mediaId = aVideo(alice);
        String token = share(alice, "media", mediaId, null).json().get("share_token").asString();
        byte[] original = MediaFixtures.video();

        BinaryResponse firstBytes = api.fetch("GET", "/shared/" + token + "/stream", null, Map.of("Range", "bytes=0-1"));
        BinaryResponse suffix = api.fetch("GET", "/shared/" + token + "/stream", null, Map.of("Range", "bytes=-100"));
        Response record = api.get("/shared/" + token, null);

        assertThat(firstBytes.status()).isEqualTo(206);
        assertThat(firstBytes.header("Content-Disposition")).startsWith("inline");
        assertThat(firstBytes.body()).hasSize(2);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(original, original.length - 100, original.length));
        assertThat(record.json().get("resource").get("media_type").asString()).isEqualTo("video");
    }

    @Test
    void publicLinkStreamsCompletedRendition() {
        Session alice = api.registerNew("share_media_rendition");
        long mediaId = aVideo(alice);
        long otherMediaId = aVideo(alice);
        long fileId = aFile(alice);
        long jobId = api.post("/api/media/" + mediaId + "/transcode", alice.token(),
                Map.of("output_format", "webm", "quality", "low")).json().get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(alice, mediaId, jobId).matches("completed|failed"));
        String token = share(alice, "media", mediaId, null).json().get("share_token").asString();
        String otherToken = share(alice, "media", otherMediaId, null).json().get("share_token").asString();
        String fileToken = share(alice, "file", fileId, null).json().get("share_token").asString();

        BinaryResponse owners = api.fetch("GET", "/api/media/" + mediaId + "/stream?rendition=" + jobId, alice.token(),
                Map.of());
        BinaryResponse streamed = api.fetch("GET", "/shared/" + token + "/stream?rendition=" + jobId, null, Map.of());
        BinaryResponse range = api.fetch("GET", "/shared/" + token + "/stream?rendition=" + jobId, null,
                Map.of("Range", "bytes=0-3"));
        BinaryResponse downloaded = api.fetch("GET", "/shared/" + token + "/download?rendition=" + jobId, null, Map.of());

        assertThat(jobStatus(alice, mediaId, jobId)).isEqualTo("completed");
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.header("Content-Type")).startsWith("video/webm");
        assertThat(streamed.header("Content-Disposition")).startsWith("inline");
        assertThat(streamed.body()).isEqualTo(owners.body());
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOf(owners.body(), 4));
        assertThat(downloaded.header("Content-Disposition")).startsWith("attachment");
        assertThat(downloaded.body()).isEqualTo(owners.body());
        assertThat(api.fetch("GET", "/shared/" + otherToken + "/stream?rendition=" + jobId, null, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.fetch("GET", "/shared/" + token + "/stream?rendition=999999", null, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.fetch("GET", "/shared/" + token + "/stream?rendition=", null, Map.of()).status())
                .isEqualTo(400);
        assertThat(api.fetch("GET", "/shared/" + fileToken + "/stream?rendition=" + jobId, null, Map.of()).status())
                .isEqualTo(404);
    }

    private String jobStatus(Session owner, long mediaId, long jobId) {
        for (JsonNode job : api.get("/api/media/" + mediaId, owner.token()).json().get("renditions")) {
            if (job.get("id").asLong() == jobId) {
                return job.get("status").asString();
            }
        }
        return "missing";
    }

    @Test
    void sharedUserReadsButCannotChangeFileOrMedia() {
        Session alice = api.registerNew("share_fm_owner");
        Session bob = api.registerNew("share_fm_reader");
        Session mallory = api.registerNew("share_fm_outsider");
        long fileId = aFile(alice);
        long mediaId = aVideo(alice);
        share(alice, "file", fileId, bob.userId());
        share(alice, "media", mediaId, bob.userId());

        assertThat(api.get("/api/files/" + fileId, bob.token()).status()).isEqualTo(200);
        assertThat(api.fetch("GET", "/api/files/" + fileId + "/download", bob.token(), Map.of()).body()).isEqualTo(TEXT);
        assertThat(api.put("/api/files/" + fileId, bob.token(), Map.of("description", "mine now")).status()).isEqualTo(403);
        assertThat(api.delete("/api/files/" + fileId, bob.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/media/" + mediaId, bob.token()).status()).isEqualTo(200);
        assertThat(api.fetch("GET", "/api/media/" + mediaId + "/stream", bob.token(), Map.of("Range", "bytes=0-1"))
                .status()).isEqualTo(206);
        assertThat(api.post("/api/media/" + mediaId + "/transcode", bob.token(),
                Map.of("output_format", "mp3", "quality", "low")).status()).isEqualTo(403);
        assertThat(api.delete("/api/media/" + mediaId, bob.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/files/" + fileId, mallory.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/media/" + mediaId, mallory.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/files", bob.token()).json()).isEmpty();
    }

    @Test
    void rejectsEditPermissionForFiles() {
        Session alice = api.registerNew("share_file_edit");
        Session bob = api.registerNew("share_file_edit_target");
        long fileId = aFile(alice);
        Map<String, Object> body = new HashMap<>(Map.of("resource_type", "file", "resource_id", fileId,
                "shared_with_user_id", bob.userId(), "permission", "edit"));

        Response response = api.post("/api/collab/share", alice.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("permission");
    }

    @Test
    void deletingFileEndsItsLink() {
        Session alice = api.registerNew("share_file_deleted");
        long fileId = aFile(alice);
        String token = share(alice, "file", fileId, null).json().get("share_token").asString();

        api.delete("/api/files/" + fileId, alice.token());

        assertThat(api.get("/shared/" + token, null).status()).isEqualTo(404);
        assertThat(api.fetch("GET", "/shared/" + token + "/download", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void expiredLinkEndsDownloads() {
        Session alice = api.registerNew("share_file_expiring");
        long fileId = aFile(alice);
        Map<String, Object> body = new HashMap<>(Map.of("resource_type", "file", "resource_id", fileId,
                "expires_in_days", 1));
        String token = api.post("/api/collab/share", alice.token(), body).json().get("share_token").asString();
        String download = "/shared/" + token + "/download";
        String stream = "/shared/" + token + "/stream";
        assertThat(api.fetch("GET", download, null, Map.of()).status()).isEqualTo(200);

        jdbc.sql("update shares set expires_at = ? where share_token = ?")
                .params(OffsetDateTime.now().minusSeconds(1), token).update();

        assertThat(api.fetch("GET", download, null, Map.of()).status()).isEqualTo(404);
        assertThat(api.fetch("GET", stream, null, Map.of("Range", "bytes=0-1")).status()).isEqualTo(404);
        assertThat(api.fetch("HEAD", stream, null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void itemLinkHasNoDownload() {
        Session alice = api.registerNew("share_item_download");
        long itemId = api.post("/api/items", alice.token(), Map.of("title", "text only")).json().get("id").asLong();
        String token = share(alice, "item", itemId, null).json().get("share_token").asString();

        assertThat(api.fetch("GET", "/shared/" + token + "/download", null, Map.of()).status()).isEqualTo(404);
    }
}
