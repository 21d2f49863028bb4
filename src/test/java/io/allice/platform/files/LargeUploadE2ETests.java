package io.allice.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MultipartBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Uploads and downloads a file four times larger than the heap of the packaged service, which runs
 * as its own JVM on the embedded H2 default and exits on the first OutOfMemoryError. Buffering the
 * body anywhere in memory would end the process instead of storing the file.
 */
class LargeUploadE2ETests {

    private static final int HEAP_MEGABYTES = 128;
    private static final long FILE_SIZE = 4L * HEAP_MEGABYTES * 1024 * 1024;

    private Process service;
    private Path dataDir;
    private Path log;
    private ApiClient api;

    @BeforeEach
    void startService() throws IOException {
        dataDir = Files.createTempDirectory("allice-e2e-data");
        log = Files.createTempFile("allice-e2e", ".log");
        int port = freeLoopbackPort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx" + HEAP_MEGABYTES + "m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", System.getProperty("allice.jar")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "PORT", Integer.toString(port),
                "SERVER_ADDRESS", "127.0.0.1",
                "ALLICE_DATA_DIR", dataDir.toString(),
                "MAX_UPLOAD_SIZE", Long.toString(2 * FILE_SIZE),
                "JWT_SECRET_KEY", "e2e-secret-key-that-is-at-least-32-bytes-long"));
        service = builder.start();
        api = ApiClient.onPort(port);
        await("service start, log in " + log).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .failFast(() -> !service.isAlive())
                .until(() -> isHealthy(api));
    }

    /** Stops the service and deletes its data folder, which contains the uploaded file of half a gigabyte. */
    @AfterEach
    void stopService() throws InterruptedException, IOException {
        service.destroy();
        service.waitFor();
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void streamsFileLargerThanHeap() {
        Session session = api.registerNew("large");
        MultipartBody form = new MultipartBody().field("description", "larger than the heap")
                .generatedFile("file", "large.bin", FILE_SIZE);

        Response created = api.upload("/api/files/upload", session.token(), form, form.chunked());

        assertThat(created.status()).as("upload, service log in " + log).isEqualTo(201);
        assertThat(created.json().get("file_size").asLong()).isEqualTo(FILE_SIZE);
        String download = "/api/files/" + created.json().get("id").asLong() + "/download";
        var whole = api.fetch("HEAD", download, session.token(), Map.of());
        assertThat(whole.header("Content-Length")).isEqualTo(Long.toString(FILE_SIZE));
        var tail = api.fetch("GET", download, session.token(), Map.of("Range", "bytes=-2"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).containsExactly((byte) ((FILE_SIZE - 2) % 251), (byte) ((FILE_SIZE - 1) % 251));
        assertThat(service.isAlive()).as("service still running, log in " + log).isTrue();
    }

    private static boolean isHealthy(ApiClient api) {
        try {
            return api.get("/api/system/health", null).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
