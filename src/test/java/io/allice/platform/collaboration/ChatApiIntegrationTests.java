package io.allice.platform.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ChatApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    static String aRoom() {
        return TestAccounts.uniqueUsername("room");
    }

    Response send(Session sender, String room, String text) {
        return api.post("/api/chat/send", sender.token(), Map.of("room_id", room, "message", text));
    }

    long sendId(Session sender, String room, String text) {
        Response response = send(sender, room, text);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    void addMember(Session owner, String room, Session member) {
        Response response = api.post("/api/chat/rooms/" + room + "/members", owner.token(), Map.of("user_id", member.userId()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void firstMessageCreatesRoomWithSenderAsOwner() {
        Session alice = api.registerNew("chat_owner");
        String room = aRoom();

        Response response = api.post("/api/chat/send", alice.token(),
                Map.of("room_id", room, "message", "Hello!", "metadata", Map.of("client", "test")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode message = response.json();
        assertThat(message.get("id").asLong()).isPositive();
        assertThat(message.get("room_id").asString()).isEqualTo(room);
        assertThat(message.get("user_id").asLong()).isEqualTo(alice.userId());
        assertThat(message.get("username").asString()).isEqualTo(alice.username());
        assertThat(message.get("message").asString()).isEqualTo("Hello!");
        assertThat(message.get("message_type").asString()).isEqualTo("text");
        assertThat(message.get("metadata").get("client").asString()).isEqualTo("test");
        assertThat(message.get("created_at").asString()).endsWith("Z");
        assertThat(message.get("edited_at").isNull()).isTrue();
        JsonNode members = api.get("/api/chat/rooms/" + room + "/members", alice.token()).json();
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("role").asString()).isEqualTo("owner");
    }

    @Test
    void hidesRoomFromNonMemberOnEveryRoute() {
        Session alice = api.registerNew("chat_private");
        Session mallory = api.registerNew("chat_outsider");
        String room = aRoom();
        long messageId = sendId(alice, room, "secret");

        assertThat(api.get("/api/chat/" + room, mallory.token()).status()).isEqualTo(404);
        assertThat(send(mallory, room, "let me in").status()).isEqualTo(404);
        assertThat(api.get("/api/chat/rooms/" + room + "/members", mallory.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/chat/rooms/" + room + "/members", mallory.token(), Map.of("user_id", mallory.userId()))
                .status()).isEqualTo(404);
        assertThat(api.delete("/api/chat/rooms/" + room + "/members/" + alice.userId(), mallory.token()).status())
                .isEqualTo(404);
        assertThat(api.put("/api/chat/messages/" + messageId, mallory.token(), Map.of("message", "edited")).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/chat/messages/" + messageId, mallory.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/chat/" + room, mallory.token()).json().get("detail").asString())
                .isEqualTo(api.get("/api/chat/no-such-room-at-all", mallory.token()).json().get("detail").asString()
                        .replace("no-such-room-at-all", room));
        assertThat(api.get("/api/chat/rooms", mallory.token()).json()).isEmpty();
    }

    @Test
    void ownerAddsMemberWhoCanReadAndPost() {
        Session alice = api.registerNew("chat_adder");
        Session bob = api.registerNew("chat_added");
        String room = aRoom();
        sendId(alice, room, "welcome");

        addMember(alice, room, bob);
        long bobMessage = sendId(bob, room, "thanks");
        JsonNode history = api.get("/api/chat/" + room, bob.token()).json();
        Response again = api.post("/api/chat/rooms/" + room + "/members", alice.token(), Map.of("user_id", bob.userId()));

        assertThat(history.get(0).get("id").asLong()).isEqualTo(bobMessage);
        assertThat(history).extracting(node -> node.get("message_type").asString()).contains("system");
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void onlyOwnerManagesMembers() {
        Session alice = api.registerNew("chat_boss");
        Session bob = api.registerNew("chat_member");
        Session carol = api.registerNew("chat_third");
        String room = aRoom();
        sendId(alice, room, "hi");
        addMember(alice, room, bob);

        Response bobAdds = api.post("/api/chat/rooms/" + room + "/members", bob.token(), Map.of("user_id", carol.userId()));
        Response bobRemovesOwner = api.delete("/api/chat/rooms/" + room + "/members/" + alice.userId(), bob.token());
        Response missingUser = api.post("/api/chat/rooms/" + room + "/members", alice.token(), Map.of("user_id", 999999999));

        assertThat(bobAdds.status()).isEqualTo(403);
        assertThat(bobRemovesOwner.status()).isEqualTo(403);
        assertThat(missingUser.status()).isEqualTo(404);
    }

    @Test
    void removedMemberLosesAccess() {
        Session alice = api.registerNew("chat_remover");
        Session bob = api.registerNew("chat_removed");
        String room = aRoom();
        sendId(alice, room, "hi");
        addMember(alice, room, bob);

        Response removed = api.delete("/api/chat/rooms/" + room + "/members/" + bob.userId(), alice.token());

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/chat/" + room, bob.token()).status()).isEqualTo(404);
        assertThat(send(bob, room, "still here?").status()).isEqualTo(404);
    }

    @Test
    void memberMayLeaveButOwnerMayNot() {
        Session alice = api.registerNew("chat_stay");
        Session bob = api.registerNew("chat_leave");
        String room = aRoom();
        sendId(alice, room, "hi");
        addMember(alice, room, bob);

        Response bobLeaves = api.delete("/api/chat/rooms/" + room + "/members/" + bob.userId(), bob.token());
        Response aliceLeaves = api.delete("/api/chat/rooms/" + room + "/members/" + alice.userId(), alice.token());

        assertThat(bobLeaves.status()).isEqualTo(204);
        assertThat(aliceLeaves.status()).isEqualTo(400);
        assertThat(api.get("/api/chat/" + room, bob.token()).status()).isEqualTo(404);
    }

    @Test
    void pagesHistoryNewestFirstAndStableWithBefore() {
        Session alice = api.registerNew("chat_pages");
        String room = aRoom();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(sendId(alice, room, "message " + i));
        }

        JsonNode firstPage = api.get("/api/chat/" + room + "?limit=2", alice.token()).json();
        long oldestShown = firstPage.get(1).get("id").asLong();
        sendId(alice, room, "arrives while paging");
        JsonNode nextPage = api.get("/api/chat/" + room + "?limit=2&before=" + oldestShown, alice.token()).json();
        JsonNode skipped = api.get("/api/chat/" + room + "?skip=1&limit=1", alice.token()).json();

        assertThat(firstPage).extracting(node -> node.get("id").asLong()).containsExactly(ids.get(4), ids.get(3));
        assertThat(nextPage).extracting(node -> node.get("id").asLong()).containsExactly(ids.get(2), ids.get(1));
        assertThat(skipped.get(0).get("id").asLong()).isEqualTo(ids.get(4));
    }

    @Test
    void senderEditsAndDeletesOwnMessage() {
        Session alice = api.registerNew("chat_editor");
        Session bob = api.registerNew("chat_reader");
        String room = aRoom();
        long messageId = sendId(alice, room, "typo");
        addMember(alice, room, bob);

        Response bobEdits = api.put("/api/chat/messages/" + messageId, bob.token(), Map.of("message", "hijack"));
        Response bobDeletes = api.delete("/api/chat/messages/" + messageId, bob.token());
        Response edited = api.put("/api/chat/messages/" + messageId, alice.token(), Map.of("message", "fixed"));
        Response deleted = api.delete("/api/chat/messages/" + messageId, alice.token());
        Response editDeleted = api.put("/api/chat/messages/" + messageId, alice.token(), Map.of("message", "again"));
        JsonNode tombstone = findMessage(api.get("/api/chat/" + room, bob.token()).json(), messageId);

        assertThat(bobEdits.status()).isEqualTo(403);
        assertThat(bobDeletes.status()).isEqualTo(403);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("message").asString()).isEqualTo("fixed");
        assertThat(edited.json().get("edited_at").isNull()).isFalse();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(editDeleted.status()).isEqualTo(409);
        assertThat(tombstone.get("message").asString()).isEmpty();
        assertThat(tombstone.get("deleted_at").isNull()).isFalse();
    }

    @Test
    void protectsSystemMessagesFromChanges() {
        Session alice = api.registerNew("chat_system_owner");
        Session bob = api.registerNew("chat_system_member");
        String room = aRoom();
        sendId(alice, room, "hi");
        addMember(alice, room, bob);
        long systemId = api.get("/api/chat/" + room, alice.token()).json().get(0).get("id").asLong();

        Response edit = api.put("/api/chat/messages/" + systemId, alice.token(), Map.of("message", "forged"));
        Response delete = api.delete("/api/chat/messages/" + systemId, alice.token());

        assertThat(edit.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
    }

    @Test
    void listsRoomsWithLastMessageAndUnreadCount() {
        Session alice = api.registerNew("chat_lister");
        Session bob = api.registerNew("chat_unread");
        String room = aRoom();
        sendId(alice, room, "first");
        addMember(alice, room, bob);
        sendId(alice, room, "second");
        sendId(alice, room, "third");

        JsonNode before = api.get("/api/chat/rooms", bob.token()).json();
        api.get("/api/chat/" + room, bob.token());
        JsonNode after = api.get("/api/chat/rooms", bob.token()).json();

        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("room_id").asString()).isEqualTo(room);
        assertThat(before.get(0).get("role").asString()).isEqualTo("member");
        assertThat(before.get(0).get("last_message").get("message").asString()).isEqualTo("third");
        assertThat(before.get(0).get("unread_count").asLong()).isEqualTo(4);
        assertThat(after.get(0).get("unread_count").asLong()).isZero();
    }

    static List<Arguments> invalidMessages() {
        return List.of(
                Arguments.of("room_id", "has space"),
                Arguments.of("room_id", "r".repeat(101)),
                Arguments.of("room_id", "rooms"),
                Arguments.of("message", "   "),
                Arguments.of("message", "m".repeat(5001)),
                Arguments.of("message_type", "system"),
                Arguments.of("message_type", "video"),
                Arguments.of("metadata", List.of(1, 2)),
                Arguments.of("message", "nul\u0000"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidMessages")
    void rejectsInvalidMessage(String field, Object value) {
        Session alice = api.registerNew("chat_invalid");
        Map<String, Object> body = new HashMap<>(Map.of("room_id", aRoom(), "message", "valid"));
        body.put(field, value);

        Response response = api.post("/api/chat/send", alice.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void rejectsOutOfRangePaging() {
        Session alice = api.registerNew("chat_paging");
        String room = aRoom();
        sendId(alice, room, "hi");

        assertThat(api.get("/api/chat/" + room + "?limit=201", alice.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/chat/" + room + "?limit=0", alice.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/chat/" + room + "?skip=-1", alice.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/chat/" + room + "?before=abc", alice.token()).status()).isEqualTo(400);
    }

    private static JsonNode findMessage(JsonNode history, long id) {
        for (JsonNode message : history) {
            if (message.get("id").asLong() == id) {
                return message;
            }
        }
        throw new AssertionError("Message " + id + " not in history");
    }
}
