package io.allice.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.storage.StorageProperties;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.BinaryResponse;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import io.allice.platform.support.StoredBlobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The media API against one storage backend, which each subclass picks. */
abstract class MediaApiContract {

    @LocalServerPort
    int port;

    @Autowired
    PlatformProperties platform;

    @Autowired
    StorageProperties storageProperties;

    @Autowired
    BlobStorage storage;

    ApiClient api;
    Session owner;
    StoredBlobs blobs;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        owner = api.registerNew("media");
        blobs = new StoredBlobs(platform, storageProperties);
    }

    @Test
    void uploadProbesVideo() {
        Response created = upload("clip.mp4", "application/octet-stream", MediaFixtures.video());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode media = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/media/" + media.get("id").asLong());
        assertThat(media.get("filename").asString()).matches("[0-9a-f-]{36}\\.mp4");
        assertThat(media.get("original_filename").asString()).isEqualTo("clip.mp4");
        assertThat(media.get("file_size").asLong()).isEqualTo(MediaFixtures.video().length);
        assertThat(media.get("mime_type").asString()).isEqualTo("video/mp4");
        assertThat(media.get("media_type").asString()).isEqualTo("video");
        assertThat(media.get("duration").asDouble()).isCloseTo(MediaFixtures.CLIP_SECONDS, within(0.2));
        assertThat(media.get("width").asInt()).isEqualTo(320);
        assertThat(media.get("height").asInt()).isEqualTo(240);
        assertThat(media.get("transcoded").asBoolean()).isFalse();
    }

    @Test
    void uploadProbesAudio() {
        Response created = upload("tone.bin", "video/mp4", MediaFixtures.audio());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("media_type").asString()).isEqualTo("audio");
        assertThat(created.json().get("mime_type").asString()).isEqualTo("audio/mpeg");
        assertThat(created.json().get("duration").asDouble()).isCloseTo(MediaFixtures.CLIP_SECONDS, within(0.2));
        assertThat(created.json().get("width").isNull()).isTrue();
        assertThat(created.json().get("height").isNull()).isTrue();
    }

    @Test
    void uploadReadsImageSize() {
        Response created = upload("red.png", "text/plain", MediaFixtures.image());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("media_type").asString()).isEqualTo("image");
        assertThat(created.json().get("mime_type").asString()).isEqualTo("image/png");
        assertThat(created.json().get("width").asInt()).isEqualTo(64);
        assertThat(created.json().get("height").asInt()).isEqualTo(48);
        assertThat(created.json().get("duration").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "text claiming to be video, video/mp4",
            "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>, image/svg+xml",
    })
    void uploadRejectsWhatIsNotMedia(String content, String claimedType) {
        List<String> before = blobs.keys();

        Response response = upload("fake.mp4", claimedType, content.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(blobs.keys()).isEqualTo(before);
    }

    @Test
    void uploadRejectsMediaLookalikeThatDoesNotDecode() {
        byte[] header = java.util.Arrays.copyOf(MediaFixtures.video(), 64);
        List<String> before = blobs.keys();

        Response response = upload("broken.mp4", "video/mp4", header);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(blobs.keys()).isEqualTo(before);
    }

    @Test
    void uploadRejectsMissingOrEmptyFile() {
        Response missing = api.upload("/api/media/upload", owner.token(), new MultipartBody().field("note", "x"));
        Response empty = upload("empty.mp4", "video/mp4", new byte[0]);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bytes=0-1   | 206 | 0   | 2",
            "bytes=100-  | 206 | 100 | -1",
            "bytes=-100  | 206 | -1  | 100",
    })
    void streamAnswersRanges(String range, int status, long start, long length) {
        byte[] video = MediaFixtures.video();
        long id = uploadedId(upload("clip.mp4", "video/mp4", video));
        long from = start >= 0 ? start : video.length - length;
        long to = length >= 0 ? from + length - 1 : video.length - 1;

        BinaryResponse response = api.fetch("GET", "/api/media/" + id + "/stream", owner.token(), Map.of("Range", range));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Range")).isEqualTo("bytes " + from + "-" + to + "/" + video.length);
        assertThat(response.body()).isEqualTo(java.util.Arrays.copyOfRange(video, (int) from, (int) to + 1));
        assertThat(response.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void streamRejectsRangePastEnd() {
        byte[] video = MediaFixtures.video();
        long id = uploadedId(upload("clip.mp4", "video/mp4", video));

        BinaryResponse response = api.fetch("GET", "/api/media/" + id + "/stream", owner.token(),
                Map.of("Range", "bytes=" + video.length + "-"));

        assertThat(response.status()).isEqualTo(416);
        assertThat(response.header("Content-Range")).isEqualTo("bytes */" + video.length);
    }

    @Test
    void streamServesWholeFileAndHead() {
        byte[] video = MediaFixtures.video();
        long id = uploadedId(upload("Über \"clip\".mp4", "video/mp4", video));

        BinaryResponse get = api.fetch("GET", "/api/media/" + id + "/stream", owner.token(), Map.of());
        BinaryResponse head = api.fetch("HEAD", "/api/media/" + id + "/stream", owner.token(), Map.of());

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(video);
        assertThat(get.header("Content-Disposition")).startsWith("inline; filename=");
        assertThat(get.header("ETag")).isNotBlank();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : List.of("Content-Type", "Content-Length", "Accept-Ranges", "ETag", "Content-Disposition")) {
            assertThat(head.header(header)).as(header).isNotNull().isEqualTo(get.header(header));
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "mp4,  video, low,    h264,      aac",
            "webm, video, low,    vp9,       opus",
            "mp3,  video, medium, mp3,       ",
            "aac,  audio, low,    aac,       ",
            "ogg,  audio, high,   vorbis,    ",
            "wav,  audio, low,    pcm_s16le, ",
    })
    void transcodeProducesPlayableRendition(String format, String source, String quality, String firstCodec,
            String secondCodec) {
        long id = uploadedId(source.equals("video") ? upload("clip.mp4", "video/mp4", MediaFixtures.video())
                : upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));

        Response queued = api.post("/api/media/" + id + "/transcode", owner.token(),
                Map.of("output_format", format, "quality", quality));

        assertThat(queued.status()).as(queued.toString()).isEqualTo(200);
        long jobId = queued.json().get("id").asLong();
        assertThat(queued.json().get("media_id").asLong()).isEqualTo(id);
        assertThat(queued.json().get("output_format").asString()).isEqualTo(format);
        assertThat(queued.json().get("quality").asString()).isEqualTo(quality);
        assertThat(queued.json().get("status").asString()).isIn("queued", "processing", "completed");
        JsonNode rendition = awaitJob(id, jobId, "completed");
        assertThat(rendition.get("progress").asInt()).isEqualTo(100);
        assertThat(rendition.get("error").isNull()).isTrue();
        assertThat(rendition.get("duration").asDouble()).isCloseTo(MediaFixtures.CLIP_SECONDS, within(0.3));
        assertThat(api.get("/api/media/" + id, owner.token()).json().get("transcoded").asBoolean()).isTrue();

        BinaryResponse stream = api.fetch("GET", "/api/media/" + id + "/stream?rendition=" + jobId, owner.token(), Map.of());
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body()).hasSize(rendition.get("file_size").asInt());
        List<String> codecs = MediaFixtures.probe(stream.body()).get("streams").valueStream()
                .map(streamInfo -> streamInfo.get("codec_name").asString()).toList();
        assertThat(codecs).contains(firstCodec);
        if (secondCodec != null) {
            assertThat(codecs).contains(secondCodec);
        } else {
            assertThat(codecs).hasSize(1);
        }
        BinaryResponse firstBytes = api.fetch("GET", "/api/media/" + id + "/stream?rendition=" + jobId, owner.token(),
                Map.of("Range", "bytes=0-1"));
        assertThat(firstBytes.status()).isEqualTo(206);
        assertThat(firstBytes.header("Content-Range")).isEqualTo("bytes 0-1/" + stream.body().length);
        BinaryResponse head = api.fetch("HEAD", "/api/media/" + id + "/stream?rendition=" + jobId, owner.token(),
                Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : List.of("Content-Type", "Content-Length", "Accept-Ranges", "ETag", "Content-Disposition")) {
            assertThat(head.header(header)).as(header).isNotNull().isEqualTo(stream.header(header));
        }
        // A rendition belongs to its own media only, also among the same owner's uploads.
        long otherId = uploadedId(upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));
        assertThat(api.fetch("GET", "/api/media/" + otherId + "/stream?rendition=" + jobId, owner.token(), Map.of())
                .status()).isEqualTo(404);
    }

    @Test
    void transcodeOfUnreadableSourceFailsWithError() throws Exception {
        Response created = upload("clip.mp4", "video/mp4", MediaFixtures.video());
        long id = uploadedId(created);
        storage.write("media/" + created.json().get("filename").asString(),
                new java.io.ByteArrayInputStream("no longer a video".getBytes(StandardCharsets.UTF_8)));

        Response queued = api.post("/api/media/" + id + "/transcode", owner.token(),
                Map.of("output_format", "mp4", "quality", "low"));

        assertThat(queued.status()).isEqualTo(200);
        JsonNode job = awaitJob(id, queued.json().get("id").asLong(), "failed");
        assertThat(job.get("error").asString()).startsWith("FFmpeg failed").doesNotContain(platform.dataDir().toString());
        assertThat(job.get("file_size").isNull()).isTrue();
        assertThat(api.get("/api/media/" + id, owner.token()).json().get("transcoded").asBoolean()).isFalse();
        assertThat(api.fetch("GET", "/api/media/" + id + "/stream?rendition=" + job.get("id").asLong(), owner.token(),
                Map.of()).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"output_format\": \"avi\", \"quality\": \"low\"}   | output_format | must be one of",
            "{\"output_format\": \"mp4\", \"quality\": \"ultra\"} | quality       | must be one of",
            "{\"quality\": \"low\"}                               | output_format | is required",
            "{\"output_format\": \"mp4\"}                         | quality       | is required",
    })
    void transcodeRejectsInvalidRequest(String body, String field, String message) {
        long id = uploadedId(upload("clip.mp4", "video/mp4", MediaFixtures.video()));

        Response response = api.send("POST", "/api/media/" + id + "/transcode", owner.token(), body, Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).startsWith(message);
    }

    @Test
    void transcodeRejectsImagesAndAudioToVideo() {
        long image = uploadedId(upload("red.png", "image/png", MediaFixtures.image()));
        long audio = uploadedId(upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));

        Response ofImage = api.post("/api/media/" + image + "/transcode", owner.token(),
                Map.of("output_format", "mp4", "quality", "low"));
        Response audioToVideo = api.post("/api/media/" + audio + "/transcode", owner.token(),
                Map.of("output_format", "webm", "quality", "low"));

        assertThat(ofImage.status()).isEqualTo(400);
        assertThat(audioToVideo.status()).isEqualTo(400);
        assertThat(api.get("/api/media/" + audio, owner.token()).json().get("renditions")).isEmpty();
    }

    @Test
    void foreignUserGets404OnEveryRoute() {
        long id = uploadedId(upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));
        long jobId = api.post("/api/media/" + id + "/transcode", owner.token(),
                Map.of("output_format", "wav", "quality", "low")).json().get("id").asLong();
        awaitJob(id, jobId, "completed");
        Session stranger = api.registerNew("stranger");
        String path = "/api/media/" + id;

        assertThat(api.get(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.fetch("GET", path + "/stream", stranger.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.fetch("HEAD", path + "/stream", stranger.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.fetch("GET", path + "/stream?rendition=" + jobId, stranger.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.post(path + "/transcode", stranger.token(), Map.of("output_format", "mp3", "quality", "low"))
                .status()).isEqualTo(404);
        assertThat(api.delete(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/media", stranger.token()).json()).isEmpty();
        assertThat(api.get(path, owner.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/media", null).status()).isEqualTo(401);
    }

    @Test
    void streamWithEmptyRenditionIs400() {
        long id = uploadedId(upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));

        BinaryResponse response = api.fetch("GET", "/api/media/" + id + "/stream?rendition=", owner.token(), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("rendition: must be an integer, not ''");
    }

    @Test
    void streamOfUnknownRenditionIs404() {
        long id = uploadedId(upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));

        BinaryResponse response = api.fetch("GET", "/api/media/" + id + "/stream?rendition=999999", owner.token(), Map.of());

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void listShowsOwnMediaNewestFirstWithPaging() {
        long first = uploadedId(upload("a.png", "image/png", MediaFixtures.image()));
        long second = uploadedId(upload("b.png", "image/png", MediaFixtures.image()));

        Response page = api.get("/api/media?limit=1", owner.token());
        Response rest = api.get("/api/media?skip=1&limit=5", owner.token());
        Response invalid = api.get("/api/media?limit=0", owner.token());

        assertThat(page.json().valueStream().map(media -> media.get("id").asLong()).toList()).containsExactly(second);
        assertThat(rest.json().valueStream().map(media -> media.get("id").asLong()).toList()).containsExactly(first);
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void deleteRemovesOriginalAndRenditions() {
        Response created = upload("tone.mp3", "audio/mpeg", MediaFixtures.audio());
        long id = uploadedId(created);
        long jobId = api.post("/api/media/" + id + "/transcode", owner.token(),
                Map.of("output_format", "ogg", "quality", "low")).json().get("id").asLong();
        awaitJob(id, jobId, "completed");
        List<String> withMedia = blobs.keys();

        Response deleted = api.delete("/api/media/" + id, owner.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/media/" + id, owner.token()).status()).isEqualTo(404);
        List<String> removed = withMedia.stream().filter(key -> !blobs.keys().contains(key)).toList();
        assertThat(removed).hasSize(2).contains("media/" + created.json().get("filename").asString())
                .anyMatch(key -> key.startsWith("media/renditions/"));
    }

    @Test
    void deletedMediaStreamIsNotFound() {
        long id = uploadedId(upload("tone.mp3", "audio/mpeg", MediaFixtures.audio()));
        String path = "/api/media/" + id + "/stream";
        assertThat(api.fetch("GET", path, owner.token(), Map.of()).status()).isEqualTo(200);

        assertThat(api.delete("/api/media/" + id, owner.token()).status()).isEqualTo(204);

        // The first stream kept the record in the cache, and the delete must have dropped it.
        assertThat(api.fetch("GET", path, owner.token(), Map.of("Range", "bytes=0-99")).status()).isEqualTo(404);
    }

    @Test
    void accountDeletionRemovesOriginalsAndRenditions() {
        Response created = upload("tone.mp3", "audio/mpeg", MediaFixtures.audio());
        long id = uploadedId(created);
        long jobId = api.post("/api/media/" + id + "/transcode", owner.token(),
                Map.of("output_format", "wav", "quality", "low")).json().get("id").asLong();
        awaitJob(id, jobId, "completed");
        List<String> withMedia = blobs.keys();

        Response deleted = api.send("DELETE", "/api/auth/me", owner.token(),
                Map.of("password", io.allice.platform.support.TestAccounts.PASSWORD), Map.of());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        List<String> removed = withMedia.stream().filter(key -> !blobs.keys().contains(key)).toList();
        assertThat(removed).hasSize(2).contains("media/" + created.json().get("filename").asString())
                .anyMatch(key -> key.startsWith("media/renditions/"));
    }

    Response upload(String filename, String contentType, byte[] content) {
        return api.upload("/api/media/upload", owner.token(), new MultipartBody().file("file", filename, contentType, content));
    }

    static long uploadedId(Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Waits until the job reaches {@code status} and returns it as a rendition of the media record. */
    JsonNode awaitJob(long mediaId, long jobId, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> rendition(mediaId, jobId),
                job -> job != null && (job.get("status").asString().equals(status)
                        || job.get("status").asString().matches("completed|failed")));
    }

    private JsonNode rendition(long mediaId, long jobId) {
        for (JsonNode job : api.get("/api/media/" + mediaId, owner.token()).json().get("renditions")) {
            if (job.get("id").asLong() == jobId) {
                return job;
            }
        }
        return null;
    }
}
