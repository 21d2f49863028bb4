package io.allice.platform.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Adobe S3Mock, an S3-compatible server, run as a process of its own on 127.0.0.1 for this test
 * JVM. Maven copies its executable jar to {@code target/s3mock} (see the pom); it runs on the
 * JDK that runs the tests, and {@link S3MockLoopback} keeps its plain-HTTP port on loopback.
 */
public final class S3MockServer {

    public static final String BUCKET = "allice-test";
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private static S3MockServer shared;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Returns this JVM's server, starting it on first call; it stops when the JVM exits. */
    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private static S3MockServer start() {
        String jar = requiredProperty("s3mock.jar");
        String extension = requiredProperty("s3mock.extension");
        String testClasses = Path.of(S3MockLoopback.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = freeLoopbackPort();
        try {
            Path root = TemporaryFolders.create("s3mock-store");
            Path log = Files.createTempFile("s3mock", ".log");
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", jar,
                    "-Dloader.path=" + extension + "," + testClasses,
                    "-Dloader.main=com.adobe.testing.s3mock.S3MockApplication",
                    "org.springframework.boot.loader.launch.PropertiesLauncher",
                    "--server.address=127.0.0.1", "--server.port=0",
                    // S3Mock is a Spring Boot application too, so its Tomcat folders go here, not to /tmp.
                    "--server.tomcat.basedir=" + root.resolve("tomcat"),
                    "--com.adobe.testing.s3mock.httpPort=" + port,
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            await("S3Mock on port " + port + ", log in " + log).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(() -> !process.isAlive())
                    .until(() -> accepts(port));
            return new S3MockServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start S3Mock from " + jar, e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through ./mvnw");
        }
        return value;
    }
}
