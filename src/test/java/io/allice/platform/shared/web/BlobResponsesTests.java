package io.allice.platform.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.storage.LocalBlobStorage;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import org.apache.catalina.Globals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Which way the body of a download leaves: through Tomcat's sendfile for a local file when the
 * connector supports it, or copied through the response stream. The HTTP behaviour itself (ranges,
 * validators, HEAD) is covered end to end by the files, media and sharing API tests.
 */
class BlobResponsesTests {

    private static final String KEY = "files/blob.bin";
    private static final int SIZE = 200_000;

    @TempDir
    Path root;

    private LocalBlobStorage storage;
    private byte[] content;
    private ServedBlob blob;

    @BeforeEach
    void storeBlob() throws IOException {
        storage = new LocalBlobStorage(root);
        content = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            content[i] = (byte) (i % 251);
        }
        storage.write(KEY, new ByteArrayInputStream(content));
        blob = new ServedBlob(KEY, SIZE, "application/octet-stream", "\"blob.bin\"", Instant.parse("2024-01-01T00:00:00Z"),
                "attachment; filename=\"blob.bin\"");
    }

    @Test
    void missingBlobIsNotFound() throws IOException {
        storage.delete(KEY);

        for (boolean sendfile : new boolean[] {true, false}) {
            MockHttpServletResponse response = new MockHttpServletResponse();

            assertThatThrownBy(() -> BlobResponses.send(storage, blob, get(sendfile), response))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
            assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).as("sendfile %s", sendfile).isNull();
            assertThat(response.getHeader(HttpHeaders.ETAG)).as("sendfile %s", sendfile).isNull();
        }
    }

    @Test
    void localFileGoesToSendfileWhenSupported() throws IOException {
        MockHttpServletRequest request = get(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, blob, request, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentLengthLong()).isEqualTo(SIZE);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR))
                .isEqualTo(root.resolve(KEY).toAbsolutePath().normalize().toString());
        assertThat(request.getAttribute(Globals.SENDFILE_FILE_START_ATTR)).isEqualTo(0L);
        assertThat(request.getAttribute(Globals.SENDFILE_FILE_END_ATTR)).isEqualTo((long) SIZE);
    }

    @Test
    void rangeGoesToSendfileWithItsOffsets() throws IOException {
        MockHttpServletRequest request = get(true);
        request.addHeader("Range", "bytes=100-99999");
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, blob, request, response);

        assertThat(response.getStatus()).isEqualTo(206);
        assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 100-99999/" + SIZE);
        assertThat(response.getContentLengthLong()).isEqualTo(99_900);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(request.getAttribute(Globals.SENDFILE_FILE_START_ATTR)).isEqualTo(100L);
        assertThat(request.getAttribute(Globals.SENDFILE_FILE_END_ATTR)).isEqualTo(100_000L);
    }

    @Test
    void streamsWhenConnectorLacksSendfile() throws IOException {
        MockHttpServletRequest request = get(false);
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, blob, request, response);

        assertThat(response.getContentAsByteArray()).isEqualTo(content);
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR)).isNull();
    }

    @Test
    void streamsSmallRange() throws IOException {
        MockHttpServletRequest request = get(true);
        request.addHeader("Range", "bytes=-1000");
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, blob, request, response);

        assertThat(response.getStatus()).isEqualTo(206);
        assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, SIZE - 1000, SIZE));
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR)).isNull();
    }

    @Test
    void streamsFromStoreWithoutLocalFiles() throws IOException {
        BlobStorage streamingOnly = new LocalBlobStorage(root) {
            @Override
            public Optional<Path> localFile(String key) {
                return Optional.empty();
            }
        };
        MockHttpServletRequest request = get(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(streamingOnly, blob, request, response);

        assertThat(response.getContentAsByteArray()).isEqualTo(content);
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR)).isNull();
    }

    @Test
    void streamsFileShorterThanItsRecord() throws IOException {
        ServedBlob longerRecord = new ServedBlob(KEY, SIZE + 10, blob.contentType(), blob.etag(), blob.lastModified(),
                blob.contentDisposition());
        MockHttpServletRequest request = get(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, longerRecord, request, response);

        assertThat(response.getContentLengthLong()).isEqualTo(SIZE + 10);
        assertThat(response.getContentAsByteArray()).isEqualTo(content);
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR)).isNull();
    }

    @Test
    void headSendsNoBodyAndNoSendfile() throws IOException {
        MockHttpServletRequest request = get(true);
        request.setMethod("HEAD");
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, blob, request, response);

        assertThat(response.getContentLengthLong()).isEqualTo(SIZE);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR)).isNull();
    }

    @Test
    void notModifiedSendsNoBodyAndNoSendfile() throws IOException {
        MockHttpServletRequest request = get(true);
        request.addHeader("If-None-Match", blob.etag());
        MockHttpServletResponse response = new MockHttpServletResponse();

        BlobResponses.send(storage, blob, request, response);

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(request.getAttribute(Globals.SENDFILE_FILENAME_ATTR)).isNull();
    }

    private static MockHttpServletRequest get(boolean sendfileSupported) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/files/1/download");
        if (sendfileSupported) {
            request.setAttribute(Globals.SENDFILE_SUPPORTED_ATTR, Boolean.TRUE);
        }
        return request;
    }
}
