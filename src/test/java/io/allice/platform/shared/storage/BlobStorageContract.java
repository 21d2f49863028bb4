package io.allice.platform.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.support.StoredBlobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The storage port's promises, checked against the adapter that the subclass's context uses. */
abstract class BlobStorageContract {

    @Autowired
    BlobStorage storage;

    @Autowired
    PlatformProperties platform;

    @Autowired
    StorageProperties storageProperties;

    StoredBlobs blobs;
    String key;

    @BeforeEach
    void setUp() {
        blobs = new StoredBlobs(platform, storageProperties);
        key = "tests/" + UUID.randomUUID() + ".bin";
    }

    @Test
    void writeThatFailsHalfWayLeavesNothing() {
        List<String> before = blobs.keys();
        IOException failure = new IOException("client went away");
        InputStream failing = new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                if (position++ >= 6L * 1024 * 1024) {
                    throw failure;
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> storage.write(key, failing)).isSameAs(failure);

        assertThat(blobs.keys()).isEqualTo(before);
        assertThat(blobs.unfinishedUploads()).isEmpty();
    }

    @Test
    void writeReplacesBlobAndReadsRanges() throws IOException {
        storage.write(key, text("first version"));

        long size = storage.write(key, text("0123456789"));

        assertThat(size).isEqualTo(10);
        try (InputStream range = storage.read(key, 3, 4)) {
            assertThat(new String(range.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
        }
        try (LocalCopy copy = storage.localCopy(key)) {
            assertThat(Files.readString(copy.path())).isEqualTo("0123456789");
        }
        assertThat(storage.exists(key)).isTrue();
    }

    @Test
    void deleteRemovesBlobAndToleratesMissingOne() throws IOException {
        storage.write(key, text("x"));

        storage.delete(key);
        storage.delete(key);

        assertThat(storage.exists(key)).isFalse();
        assertThatThrownBy(() -> storage.read(key, 0, 1)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> storage.localCopy(key)).isInstanceOf(BlobNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.bin", "files/../../escape.bin", "/etc/passwd", "files/UPPER.bin", "files/a b.bin",
            "noslash", "files/.hidden/../x"})
    void rejectsKeysThatCouldLeaveTheStore(String badKey) {
        assertThatThrownBy(() -> storage.write(badKey, text("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII));
    }
}
