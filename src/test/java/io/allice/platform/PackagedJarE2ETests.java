package io.allice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
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
        Path jar = Path.of(System.getProperty("allice.jar", "target/allice-platform.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar; run ./mvnw verify so that package runs first").isRegularFile();
        int port = freeLoopbackPort();
        serviceOutput = workDir.resolve("service-output.log");

        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        String javaOptions = System.getProperty("allice.e2e.java-options", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(serviceOutput.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !List.of("PATH", "HOME", "TMPDIR", "LANG").contains(name));
        environment.put("ALLICE_DATA_DIR", workDir.resolve("data").toString());
        environment.put("PORT", Integer.toString(port));
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
    void startsInTheModeItWasAskedFor() {
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
        assertThat(config.json().get("stripe_enabled").asBoolean()).isFalse();
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

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
