package io.allice.platform.shared.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocketHandshakeException;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestWebSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RealtimeWebSocketIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RealtimeHub hub;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void greetsClientWithItsUserId() {
        Session alice = api.registerNew("ws_ready");

        try (TestWebSocket socket = TestWebSocket.connect(port, alice.token())) {
            JsonNode ready = socket.next();

            assertThat(ready.get("type").asString()).isEqualTo("ready");
            assertThat(ready.get("user_id").asLong()).isEqualTo(alice.userId());
        }
    }

    @Test
    void acceptsTokenAsQueryParameter() {
        Session alice = api.registerNew("ws_query");

        try (TestWebSocket socket = TestWebSocket.connectWithQueryToken(port, alice.token())) {
            assertThat(socket.next().get("user_id").asLong()).isEqualTo(alice.userId());
        }
    }

    @Test
    void rejectsHandshakeWithoutValidToken() {
        Throwable missing = TestWebSocket.handshakeFailure(port, null);
        Throwable invalid = TestWebSocket.handshakeFailure(port, "not-a-token");

        assertThat(missing).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) missing).getResponse().statusCode()).isEqualTo(401);
        assertThat(invalid).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) invalid).getResponse().statusCode()).isEqualTo(401);
    }

    @Test
    void answersPingAndRejectsBadFrames() {
        Session alice = api.registerNew("ws_ping");

        try (TestWebSocket socket = TestWebSocket.connect(port, alice.token())) {
            socket.nextOfType("ready");

            socket.send(Map.of("type", "ping"));
            JsonNode pong = socket.next();
            socket.send("{not json");
            JsonNode notJson = socket.next();
            socket.send(Map.of("type", "launch_rockets"));
            JsonNode unknown = socket.next();
            socket.send("[1, 2]");
            JsonNode notObject = socket.next();

            assertThat(pong.get("type").asString()).isEqualTo("pong");
            assertThat(notJson.get("type").asString()).isEqualTo("error");
            assertThat(notJson.get("detail").asString()).contains("not valid JSON");
            assertThat(unknown.get("detail").asString()).contains("launch_rockets");
            assertThat(notObject.get("type").asString()).isEqualTo("error");
        }
    }

    @Test
    void closesConnectionWhenTokenIsSignedOut() {
        Session alice = api.registerNew("ws_logout");
        Session otherLogin = api.login(alice.username(), io.allice.platform.support.TestAccounts.PASSWORD);

        try (TestWebSocket signedOut = TestWebSocket.connect(port, alice.token());
                TestWebSocket stillValid = TestWebSocket.connect(port, otherLogin.token())) {
            signedOut.nextOfType("ready");
            stillValid.nextOfType("ready");

            api.post("/api/auth/logout", alice.token(), null);
            int status = signedOut.awaitClosedByServer();
            stillValid.send(Map.of("type", "ping"));

            assertThat(status).isEqualTo(4401);
            assertThat(stillValid.nextOfType("pong").get("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void closesConnectionsOfDeletedAccount() {
        Session alice = api.registerNew("ws_deleted");

        try (TestWebSocket socket = TestWebSocket.connect(port, alice.token())) {
            socket.nextOfType("ready");
            api.send("DELETE", "/api/auth/me", alice.token(),
                    Map.of("password", io.allice.platform.support.TestAccounts.PASSWORD), Map.of());

            assertThat(socket.awaitClosedByServer()).isEqualTo(4401);
        }
    }

    @Test
    void answersPlainHttpRequestWithProblem() {
        Session alice = api.registerNew("ws_plain");

        var response = api.get("/ws", alice.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("WebSocket");
    }

    @Test
    void deliversUserEventsOnlyToThatUser() {
        Session alice = api.registerNew("ws_alice");
        Session bob = api.registerNew("ws_bob");

        try (TestWebSocket aliceSocket = TestWebSocket.connect(port, alice.token());
                TestWebSocket bobSocket = TestWebSocket.connect(port, bob.token())) {
            aliceSocket.nextOfType("ready");
            bobSocket.nextOfType("ready");

            hub.sendToUser(alice.userId(), Map.of("type", "notification", "data", Map.of("title", "for alice")));
            hub.sendToUser(bob.userId(), Map.of("type", "notification", "data", Map.of("title", "for bob")));

            assertThat(aliceSocket.next().get("data").get("title").asString()).isEqualTo("for alice");
            assertThat(bobSocket.next().get("data").get("title").asString()).isEqualTo("for bob");
            assertThat(aliceSocket.pending()).isZero();
        }
    }
}
