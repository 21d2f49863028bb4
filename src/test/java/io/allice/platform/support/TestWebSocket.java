package io.allice.platform.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client for tests that queues every text frame it receives, parsed as JSON. */
public final class TestWebSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
    private final WebSocket socket;

    private TestWebSocket(URI uri, String bearerToken) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        this.socket = builder.buildAsync(uri, new Collector()).join();
    }

    /** Connects to {@code /ws} with the token in the Authorization header. */
    public static TestWebSocket connect(int port, String token) {
        return new TestWebSocket(URI.create("ws://127.0.0.1:" + port + "/ws"), token);
    }

    /** Connects to {@code /ws} with the token as the {@code access_token} query parameter, as browsers do. */
    public static TestWebSocket connectWithQueryToken(int port, String token) {
        return new TestWebSocket(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + token), null);
    }

    /** Returns the handshake's failure, or null when it succeeded. */
    public static Throwable handshakeFailure(int port, String token) {
        try {
            connect(port, token).close();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    public void send(Object frame) {
        socket.sendText(frame instanceof String raw ? raw : JSON.writeValueAsString(frame), true).join();
    }

    /** Waits up to five seconds for the next frame; fails the test when none arrives. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(5, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("No WebSocket frame arrived within 5 seconds");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the next frame of the given type, skipping others. */
    public JsonNode nextOfType(String type) {
        while (true) {
            JsonNode frame = next();
            if (type.equals(frame.path("type").asString())) {
                return frame;
            }
        }
    }

    /** Waits up to five seconds for the server to close the connection, and returns its status code. */
    public int awaitClosedByServer() {
        try {
            return closed.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The server did not close the WebSocket within 5 seconds");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Frames received and not yet taken, without waiting. */
    public int pending() {
        return frames.size();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private final class Collector implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
