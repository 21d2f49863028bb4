package io.allice.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.storage.StorageProperties;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.BinaryResponse;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MultipartBody;
import io.allice.platform.support.RawHttp;
import io.allice.platform.support.StoredBlobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The file API against one storage backend, which each subclass picks. */
abstract class FilesApiContract {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final String UUID_NAME = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[a-z0-9]+";

    @LocalServerPort
    int port;

    @Autowired
    PlatformProperties platform;

    @Autowired
    StorageProperties storage;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Session owner;
    StoredBlobs blobs;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        owner = api.registerNew("files");
        blobs = new StoredBlobs(platform, storage);
    }

    @Test
    void uploadDetectsTypeFromContentAndDownloadsIt() {
        MultipartBody form = new MultipartBody()
                .field("description", "Quarterly report")
                .field("tags", " finance, q1 ,,finance")
                .file("file", "report.pdf", "text/plain", PDF);

        Response created = api.upload("/api/files/upload", owner.token(), form);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/files/" + id);
        assertThat(created.json().get("filename").asString()).matches(UUID_NAME).endsWith(".pdf");
        assertThat(created.json().get("original_filename").asString()).isEqualTo("report.pdf");
        assertThat(created.json().get("file_size").asLong()).isEqualTo(PDF.length);
        assertThat(created.json().get("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(created.json().get("description").asString()).isEqualTo("Quarterly report");
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"finance\",\"q1\"]");
        assertThat(created.json().get("created_at").asString()).endsWith("Z");

        BinaryResponse download = api.fetch("GET", "/api/files/" + id + "/download", owner.token(), Map.of());

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(PDF.length));
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"report.pdf\"");
        assertThat(download.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(download.header("ETag")).startsWith("\"").endsWith("\"");
        assertThat(download.header("Last-Modified")).endsWith("GMT");
    }

    @Test
    void uploadTakesDescriptionAndTagsFromQuery() {
        MultipartBody form = new MultipartBody().file("file", "notes.txt", "application/pdf", "plain notes\n".getBytes());

        Response created = api.upload("/api/files/upload?description=From%20query&tags=a,b", owner.token(), form);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("description").asString()).isEqualTo("From query");
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(created.json().get("mime_type").asString()).isEqualTo("text/plain");
    }

    @Test
    void uploadReadsFieldsAfterFilePart() {
        MultipartBody form = new MultipartBody()
                .file("file", "notes.txt", "text/plain", "plain notes\n".getBytes())
                .field("description", "After the file")
                .field("tags", "late");

        Response created = api.upload("/api/files/upload?description=ignored", owner.token(), form);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("description").asString()).isEqualTo("After the file");
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"late\"]");
    }

    @Test
    void uploadRejectsEmptyFile() {
        List<String> before = blobs.keys();

        Response response = api.upload("/api/files/upload", owner.token(),
                new MultipartBody().file("file", "empty.txt", "text/plain", new byte[0]));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(blobs.keys()).isEqualTo(before);
        assertThat(rowsOf(owner)).isZero();
    }

    @Test
    void uploadRejectsMissingFilePart() {
        Response response = api.upload("/api/files/upload", owner.token(), new MultipartBody().field("description", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void uploadRejectsNonMultipartBody() {
        Response response = api.send("POST", "/api/files/upload", owner.token(), "{}", Map.of());

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void uploadOverLimitIsCutOffWithoutLeftovers() {
        List<String> before = blobs.keys();
        MultipartBody form = new MultipartBody().generatedFile("file", "huge.bin", platform.maxUploadSize() + 1);

        RawHttp.Answer declared = RawHttp.post(port, "/api/files/upload", owner.token(), form, false);
        RawHttp.Answer chunked = RawHttp.post(port, "/api/files/upload", owner.token(), form, true);

        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        assertThat(chunked.body()).contains(Long.toString(platform.maxUploadSize()));
        assertThat(blobs.keys()).isEqualTo(before);
        assertThat(blobs.unfinishedUploads()).isEmpty();
        assertThat(rowsOf(owner)).isZero();
    }

    @Test
    void uploadOfSeveralPartsStreamsToStorage() {
        long size = 12L * 1024 * 1024 + 123;
        MultipartBody form = new MultipartBody().generatedFile("file", "big.bin", size);

        Response created = api.upload("/api/files/upload", owner.token(), form, form.chunked());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("file_size").asLong()).isEqualTo(size);
        long id = created.json().get("id").asLong();
        BinaryResponse tail = api.fetch("GET", "/api/files/" + id + "/download", owner.token(), Map.of("Range", "bytes=-3"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).containsExactly(patternByte(size - 3), patternByte(size - 2), patternByte(size - 1));
    }

    @Test
    void downloadOfLargeFileSendsEveryByte() {
        long size = 3L * 1024 * 1024 + 7;
        MultipartBody form = new MultipartBody().generatedFile("file", "large.bin", size);
        long id = api.upload("/api/files/upload", owner.token(), form, form.chunked()).json().get("id").asLong();
        String path = "/api/files/" + id + "/download";

        BinaryResponse whole = api.fetch("GET", path, owner.token(), Map.of());
        BinaryResponse middle = api.fetch("GET", path, owner.token(), Map.of("Range", "bytes=1000000-2100000"));

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Length")).isEqualTo(Long.toString(size));
        assertThat(whole.body()).hasSize((int) size);
        assertThat(mismatchOfPattern(whole.body(), 0)).isEqualTo(-1);
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 1000000-2100000/" + size);
        assertThat(middle.body()).hasSize(1_100_001);
        assertThat(mismatchOfPattern(middle.body(), 1_000_000)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bytes=0-1     | 206 | bytes 0-1/10 | 0,1",
            "bytes=7-      | 206 | bytes 7-9/10 | 7,8,9",
            "bytes=-3      | 206 | bytes 7-9/10 | 7,8,9",
            "bytes=-30     | 206 | bytes 0-9/10 | 0,1,2,3,4,5,6,7,8,9",
            "bytes=8-100   | 206 | bytes 8-9/10 | 8,9",
            "bytes=10-     | 416 | bytes */10   | ",
            "bytes=50-60   | 416 | bytes */10   | ",
            "bytes=-0      | 416 | bytes */10   | ",
            "bytes=0-1,4-5 | 200 |              | 0,1,2,3,4,5,6,7,8,9",
            "bytes=5-2     | 200 |              | 0,1,2,3,4,5,6,7,8,9",
            "items=0-1     | 200 |              | 0,1,2,3,4,5,6,7,8,9",
    })
    void downloadAnswersRange(String range, int status, String contentRange, String bytes) {
        long id = uploadDigits();

        BinaryResponse response = api.fetch("GET", "/api/files/" + id + "/download", owner.token(), Map.of("Range", range));

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Range")).isEqualTo(contentRange);
        if (status == 416) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        } else {
            assertThat(new String(response.body(), StandardCharsets.US_ASCII)).isEqualTo(bytes.replace(",", ""));
            assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.body().length));
        }
    }

    @Test
    void headSendsHeadersWithoutBody() {
        long id = uploadDigits();
        BinaryResponse get = api.fetch("GET", "/api/files/" + id + "/download", owner.token(), Map.of());

        BinaryResponse head = api.fetch("HEAD", "/api/files/" + id + "/download", owner.token(), Map.of());

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : List.of("Content-Type", "Content-Length", "Accept-Ranges", "ETag", "Last-Modified",
                "Content-Disposition")) {
            assertThat(head.header(header)).as(header).isNotNull().isEqualTo(get.header(header));
        }
    }

    @Test
    void downloadHonoursValidators() {
        long id = uploadDigits();
        String etag = api.fetch("HEAD", "/api/files/" + id + "/download", owner.token(), Map.of()).header("ETag");

        BinaryResponse unchanged = api.fetch("GET", "/api/files/" + id + "/download", owner.token(),
                Map.of("If-None-Match", etag));
        BinaryResponse otherVersion = api.fetch("GET", "/api/files/" + id + "/download", owner.token(),
                Map.of("Range", "bytes=0-1", "If-Range", "\"another-version\""));
        BinaryResponse sameVersion = api.fetch("GET", "/api/files/" + id + "/download", owner.token(),
                Map.of("Range", "bytes=0-1", "If-Range", etag));

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(otherVersion.status()).isEqualTo(200);
        assertThat(otherVersion.body()).hasSize(10);
        assertThat(sameVersion.status()).isEqualTo(206);
    }

    @Test
    void downloadKeepsNonAsciiAndQuotedNames() {
        String name = "Résumé \"final\" 日本;x.txt";
        Response created = api.upload("/api/files/upload", owner.token(), new MultipartBody()
                .fileWithEncodedName("file", name, "text/plain", "hello\n".getBytes()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        BinaryResponse download = api.fetch("GET", "/api/files/" + id + "/download", owner.token(), Map.of());

        assertThat(created.json().get("original_filename").asString()).isEqualTo(name);
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"R_sum_ _final_ __;x.txt\"; "
                + "filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%20%E6%97%A5%E6%9C%AC%3Bx.txt");
    }

    @ParameterizedTest
    @CsvSource({"../../etc/passwd, passwd", "..\\..\\windows\\win.ini, win.ini", "/tmp/../.., upload", "'..', upload"})
    void uploadNeverUsesClientNameAsPath(String clientName, String expectedName) {
        Response created = api.upload("/api/files/upload", owner.token(),
                new MultipartBody().file("file", clientName, "text/plain", "payload\n".getBytes()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String filename = created.json().get("filename").asString();
        assertThat(filename).matches(UUID_NAME);
        assertThat(created.json().get("original_filename").asString()).isEqualTo(expectedName);
        assertThat(blobs.keys()).contains("files/" + filename).noneMatch(key -> key.endsWith(expectedName));
        assertThat(platform.dataDir().resolve("etc/passwd")).doesNotExist();
        assertThat(platform.dataDir().resolve("blobs/etc/passwd")).doesNotExist();
    }

    @Test
    void foreignUserGets404OnEveryRoute() {
        long id = uploadDigits();
        Session stranger = api.registerNew("stranger");
        String path = "/api/files/" + id;

        assertThat(api.get(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.put(path, stranger.token(), Map.of("description", "mine")).status()).isEqualTo(404);
        assertThat(api.fetch("GET", path + "/download", stranger.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.fetch("HEAD", path + "/download", stranger.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.delete(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/files", stranger.token()).json()).isEmpty();
        assertThat(api.get(path, owner.token()).json().get("description").isNull()).isTrue();
    }

    @Test
    void anonymousCallerGets401() {
        long id = uploadDigits();

        assertThat(api.get("/api/files", null).status()).isEqualTo(401);
        assertThat(api.fetch("GET", "/api/files/" + id + "/download", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.upload("/api/files/upload", null, new MultipartBody().file("file", "a.txt", "text/plain",
                "a".getBytes())).status()).isEqualTo(401);
    }

    @Test
    void listShowsOwnFilesNewestFirstWithPaging() {
        long first = uploadDigits();
        long second = uploadDigits();
        long third = uploadDigits();

        Response page = api.get("/api/files?limit=2", owner.token());
        Response rest = api.get("/api/files?skip=2&limit=2", owner.token());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().valueStream().map(file -> file.get("id").asLong()).toList()).containsExactly(third, second);
        assertThat(rest.json().valueStream().map(file -> file.get("id").asLong()).toList()).containsExactly(first);
    }

    @ParameterizedTest
    @CsvSource({"skip=-1, skip", "limit=0, limit", "limit=1001, limit", "limit=x, limit"})
    void listRejectsInvalidPaging(String query, String field) {
        Response response = api.get("/api/files?" + query, owner.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void updateChangesDescriptionAndTags() {
        long id = uploadDigits();

        Response updated = api.put("/api/files/" + id, owner.token(), Map.of("description", "Digits", "tags", List.of("x", "y")));
        Response tagsOnly = api.put("/api/files/" + id, owner.token(), Map.of("tags", "z, w"));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("description").asString()).isEqualTo("Digits");
        assertThat(tagsOnly.json().get("description").asString()).isEqualTo("Digits");
        assertThat(tagsOnly.json().get("tags").toString()).isEqualTo("[\"z\",\"w\"]");
        assertThat(api.get("/api/files/" + id, owner.token()).json().get("tags").toString()).isEqualTo("[\"z\",\"w\"]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"description\": 5}                | description",
            "{\"tags\": [1]}                     | tags",
            "{\"tags\": {\"a\": 1}}              | tags",
            "{\"description\": \"a\\u0000b\"}    | description",
    })
    void updateRejectsInvalidFields(String body, String field) {
        long id = uploadDigits();

        Response response = api.send("PUT", "/api/files/" + id, owner.token(), body, Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void deleteRemovesRecordAndBlob() {
        long id = uploadDigits();
        String key = "files/" + api.get("/api/files/" + id, owner.token()).json().get("filename").asString();
        assertThat(blobs.keys()).contains(key);

        Response deleted = api.delete("/api/files/" + id, owner.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/files/" + id, owner.token()).status()).isEqualTo(404);
        assertThat(blobs.keys()).doesNotContain(key);
    }

    @Test
    void deletedFileDownloadIsNotFound() {
        long id = uploadDigits();
        String path = "/api/files/" + id + "/download";
        assertThat(api.fetch("GET", path, owner.token(), Map.of()).status()).isEqualTo(200);

        assertThat(api.delete("/api/files/" + id, owner.token()).status()).isEqualTo(204);

        // The first download kept the record in the cache, and the delete must have dropped it.
        assertThat(api.fetch("GET", path, owner.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api.fetch("GET", path, owner.token(), Map.of("Range", "bytes=0-3")).status()).isEqualTo(404);
    }

    @Test
    void accountDeletionRemovesBlobs() {
        long id = uploadDigits();
        String key = "files/" + api.get("/api/files/" + id, owner.token()).json().get("filename").asString();

        Response deleted = api.send("DELETE", "/api/auth/me", owner.token(),
                Map.of("password", io.allice.platform.support.TestAccounts.PASSWORD), Map.of());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(rowsOf(owner)).isZero();
        assertThat(blobs.keys()).doesNotContain(key);
    }

    /** Uploads a text file whose content is the ten ASCII digits. */
    long uploadDigits() {
        Response created = api.upload("/api/files/upload", owner.token(),
                new MultipartBody().file("file", "digits.txt", "text/plain", "0123456789".getBytes(StandardCharsets.US_ASCII)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long rowsOf(Session session) {
        return jdbc.sql("select count(*) from files where user_id = ?").param(session.userId()).query(Long.class).single();
    }

    /** Returns the index of the first byte that differs from the generated pattern at that offset, or -1. */
    static int mismatchOfPattern(byte[] body, long offset) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] != patternByte(offset + i)) {
                return i;
            }
        }
        return -1;
    }

    static byte patternByte(long position) {
        return (byte) (position % 251);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            try {
                out.write(part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }
}
