package io.allice.platform.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import io.allice.platform.support.TestWebSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ChatRealtimeIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    String roomWith(Session owner, Session member) {
        String room = TestAccounts.uniqueUsername("live");
        api.post("/api/chat/send", owner.token(), Map.of("room_id", room, "message", "opening"));
        api.post("/api/chat/rooms/" + room + "/members", owner.token(), Map.of("user_id", member.userId()));
        return room;
    }

    static TestWebSocket subscribed(int port, Session session, String room) {
        TestWebSocket socket = TestWebSocket.connect(port, session.token());
        socket.nextOfType("ready");
        socket.send(Map.of("type", "subscribe", "room_id", room));
        JsonNode subscribed = socket.nextOfType("subscribed");
        assertThat(subscribed.get("room_id").asString()).isEqualTo(room);
        return socket;
    }

    @Test
    void deliversMessagesInStoredOrderToBothMembers() {
        Session alice = api.registerNew("live_alice");
        Session bob = api.registerNew("live_bob");
        String room = roomWith(alice, bob);

        try (TestWebSocket aliceSocket = subscribed(port, alice, room);
                TestWebSocket bobSocket = subscribed(port, bob, room)) {
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Session sender = i % 2 == 0 ? alice : bob;
                sent.add(api.post("/api/chat/send", sender.token(), Map.of("room_id", room, "message", "n" + i))
                        .json().get("id").asLong());
            }

            List<Long> aliceReceived = new ArrayList<>();
            List<Long> bobReceived = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                aliceReceived.add(aliceSocket.nextOfType("chat.message").get("data").get("id").asLong());
                bobReceived.add(bobSocket.nextOfType("chat.message").get("data").get("id").asLong());
            }

            assertThat(aliceReceived).containsExactlyElementsOf(sent);
            assertThat(bobReceived).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void storesMessageSentOverWebSocket() {
        Session alice = api.registerNew("live_ws_sender");
        String room = TestAccounts.uniqueUsername("ws_room");

        try (TestWebSocket socket = TestWebSocket.connect(port, alice.token())) {
            socket.nextOfType("ready");
            socket.send(Map.of("type", "send", "room_id", room, "message", "over the socket",
                    "message_type", "text", "metadata", Map.of()));

            JsonNode frame = socket.nextOfType("chat.message");
            JsonNode history = api.get("/api/chat/" + room, alice.token()).json();

            assertThat(frame.get("data").get("message").asString()).isEqualTo("over the socket");
            assertThat(history.get(0).get("id").asLong()).isEqualTo(frame.get("data").get("id").asLong());
        }
    }

    @Test
    void deliversEditsAndDeletions() {
        Session alice = api.registerNew("live_editor");
        Session bob = api.registerNew("live_watcher");
        String room = roomWith(alice, bob);
        long id = api.post("/api/chat/send", alice.token(), Map.of("room_id", room, "message", "draft"))
                .json().get("id").asLong();

        try (TestWebSocket bobSocket = subscribed(port, bob, room)) {
            api.put("/api/chat/messages/" + id, alice.token(), Map.of("message", "final"));
            api.delete("/api/chat/messages/" + id, alice.token());

            JsonNode edited = bobSocket.nextOfType("chat.message.edited");
            JsonNode deleted = bobSocket.nextOfType("chat.message.deleted");

            assertThat(edited.get("data").get("message").asString()).isEqualTo("final");
            assertThat(deleted.get("data").get("id").asLong()).isEqualTo(id);
            assertThat(deleted.get("data").get("deleted_at").isNull()).isFalse();
        }
    }

    @Test
    void rejectsSubscriptionOfNonMember() {
        Session alice = api.registerNew("live_private");
        Session mallory = api.registerNew("live_snoop");
        String room = TestAccounts.uniqueUsername("closed");
        api.post("/api/chat/send", alice.token(), Map.of("room_id", room, "message", "secret"));

        try (TestWebSocket socket = TestWebSocket.connect(port, mallory.token())) {
            socket.nextOfType("ready");
            socket.send(Map.of("type", "subscribe", "room_id", room));
            JsonNode error = socket.nextOfType("error");
            socket.send(Map.of("type", "typing", "room_id", room));
            JsonNode typingError = socket.nextOfType("error");

            assertThat(error.get("detail").asString()).isEqualTo("Room " + room + " not found");
            assertThat(typingError.get("detail").asString()).isEqualTo("Room " + room + " not found");
        }
    }

    @Test
    void announcesPresenceAndTyping() {
        Session alice = api.registerNew("live_present");
        Session bob = api.registerNew("live_typist");
        String room = roomWith(alice, bob);

        try (TestWebSocket aliceSocket = subscribed(port, alice, room)) {
            try (TestWebSocket bobSocket = subscribed(port, bob, room)) {
                JsonNode joined = nextPresenceOf(aliceSocket, bob.userId());
                bobSocket.send(Map.of("type", "typing", "room_id", room));
                JsonNode typing = aliceSocket.nextOfType("typing");

                assertThat(joined.get("status").asString()).isEqualTo("joined");
                assertThat(joined.get("online_user_ids")).extracting(JsonNode::asLong)
                        .containsExactlyInAnyOrder(alice.userId(), bob.userId());
                assertThat(typing.get("user_id").asLong()).isEqualTo(bob.userId());
                assertThat(typing.get("username").asString()).isEqualTo(bob.username());
            }
            JsonNode left = nextPresenceOf(aliceSocket, bob.userId());

            assertThat(left.get("status").asString()).isEqualTo("left");
            assertThat(left.get("online_user_ids")).extracting(JsonNode::asLong).containsExactly(alice.userId());
        }
    }

    @Test
    void stopsDeliveryToRemovedMember() {
        Session alice = api.registerNew("live_kicker");
        Session bob = api.registerNew("live_kicked");
        String room = roomWith(alice, bob);

        try (TestWebSocket bobSocket = subscribed(port, bob, room)) {
            api.delete("/api/chat/rooms/" + room + "/members/" + bob.userId(), alice.token());
            JsonNode removed = bobSocket.nextOfType("chat.removed");
            api.post("/api/chat/send", alice.token(), Map.of("room_id", room, "message", "after removal"));
            bobSocket.send(Map.of("type", "ping"));
            JsonNode next = bobSocket.nextOfType("pong");

            assertThat(removed.get("room_id").asString()).isEqualTo(room);
            assertThat(next.get("type").asString()).isEqualTo("pong");
            assertThat(bobSocket.pending()).isZero();
        }
    }

    private static JsonNode nextPresenceOf(TestWebSocket socket, long userId) {
        while (true) {
            JsonNode presence = socket.nextOfType("presence");
            if (presence.get("user_id").asLong() == userId) {
                return presence;
            }
        }
    }
}
