package io.allice.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test, so tests see exactly what a client would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A response with its body as text, and helpers to read it as JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /**
     * Sends a request. A {@code String} body is sent as it is, with JSON as content type unless
     * {@code headers} names another; any other body is written as JSON.
     */
    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        String text = body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body as bytes, for downloads and streams. */
    public record BinaryResponse(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Sends a multipart upload with a declared length. */
    public Response upload(String path, String token, MultipartBody body) {
        return upload(path, token, body, body.withLength());
    }

    public Response upload(String path, String token, MultipartBody body, HttpRequest.BodyPublisher publisher) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", body.contentType())
                .POST(publisher);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request, HttpResponse.BodyHandlers.ofString(),
                response -> new Response(response.statusCode(), response.headers(), response.body()));
    }

    /** Sends a request without a body and keeps the response body as bytes. */
    public BinaryResponse fetch(String method, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray(),
                response -> new BinaryResponse(response.statusCode(), response.headers(), response.body()));
    }

    private <T, R> R exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler,
            java.util.function.Function<HttpResponse<T>, R> mapper) {
        HttpRequest built = request.build();
        try {
            return mapper.apply(http.send(built, handler));
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a new account and returns its token and id. */
    public Session register(String username) {
        Response response = post("/api/auth/register", null, Map.of(
                "username", username, "email", username + "@example.test", "password", TestAccounts.PASSWORD));
        if (response.status() != 201) {
            throw new IllegalStateException("Registration of " + username + " failed: " + response);
        }
        JsonNode json = response.json();
        return new Session(json.get("user").get("id").asLong(), username, json.get("access_token").asString());
    }

    public Session registerNew(String prefix) {
        return register(TestAccounts.uniqueUsername(prefix));
    }

    public Session login(String username, String password) {
        Response response = post("/api/auth/login", null, Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("Login of " + username + " failed: " + response);
        }
        JsonNode json = response.json();
        return new Session(json.get("user").get("id").asLong(), username, json.get("access_token").asString());
    }

    public Session admin() {
        return login(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    /** A signed-in account. */
    public record Session(long userId, String username, String token) {
    }
}
