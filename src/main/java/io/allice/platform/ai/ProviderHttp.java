package io.allice.platform.ai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP for the providers without an official Java SDK. Error statuses become
 * {@link ProviderException}s carrying the provider's own message; the token goes only into
 * the Authorization header.
 */
final class ProviderHttp {

    /** Provider bodies keep their own field names, so this mapper has no naming strategy. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration timeout;
    private final String token;
    /** Built on the first request, because each client starts a selector thread of its own. */
    private final SingletonSupplier<HttpClient> http;

    ProviderHttp(Duration timeout, String token) {
        this.timeout = timeout;
        this.token = token;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(timeout).build());
    }

    JsonNode get(String url) {
        return send(request(url).GET());
    }

    JsonNode post(String url, Object body) {
        return send(request(url).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Posts and returns the response's lines as they arrive; close the stream when done. */
    Stream<String> postForLines(String url, Object body) {
        HttpRequest request = request(url)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() >= 400) {
            String text;
            try (Stream<String> lines = response.body()) {
                text = String.join("\n", lines.toList());
            }
            throw failure(response.statusCode(), text, response);
        }
        return response.body();
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw failure(response.statusCode(), response.body(), response);
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw ProviderException.unreachable("the provider returned a body that is not JSON");
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.obtain().send(request, handler);
        } catch (HttpTimeoutException e) {
            throw ProviderException.timedOut();
        } catch (IOException e) {
            throw ProviderException.unreachable("connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unreachable("interrupted");
        }
    }

    private static ProviderException failure(int status, String body, HttpResponse<?> response) {
        return ProviderException.fromStatus(status, errorMessage(status, body),
                RetryAfter.parse(response.headers().allValues("retry-after")));
    }

    /** Finds the message in the error shapes of Replicate ({@code detail}) and Ollama ({@code error}). */
    static String errorMessage(int status, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : new String[] {"detail", "error", "message"}) {
                JsonNode value = json.path(field);
                if (value.isString() && !value.asString().isBlank()) {
                    return value.asString();
                }
                if (value.path("message").isString()) {
                    return value.path("message").asString();
                }
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // Not JSON: the status alone is the message.
        }
        return "HTTP " + status;
    }
}
