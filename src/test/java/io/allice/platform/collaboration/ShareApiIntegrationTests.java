package io.allice.platform.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ShareApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    long anItem(Session owner, String title) {
        return api.post("/api/items", owner.token(), Map.of("title", title, "content", Map.of("body", "secret " + title)))
                .json().get("id").asLong();
    }

    Response share(Session owner, String type, Object id, Long with, String permission, Integer days) {
        Map<String, Object> body = new HashMap<>();
        body.put("resource_type", type);
        body.put("resource_id", id);
        body.put("shared_with_user_id", with);
        body.put("permission", permission);
        body.put("expires_in_days", days);
        return api.post("/api/collab/share", owner.token(), body);
    }

    @Test
    void publicLinkServesItemWithoutAccount() {
        Session alice = api.registerNew("share_public");
        long itemId = anItem(alice, "Shared post");

        Response created = share(alice, "item", itemId, null, "view", 7);
        String token = created.json().get("share_token").asString();
        Response viaLink = api.get("/shared/" + token, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("resource_type").asString()).isEqualTo("item");
        assertThat(created.json().get("resource_id").asLong()).isEqualTo(itemId);
        assertThat(created.json().get("permission").asString()).isEqualTo("view");
        assertThat(UUID.fromString(token).version()).isEqualTo(4);
        assertThat(created.json().get("share_url").asString()).endsWith("/shared/" + token);
        assertThat(created.json().get("expires_at").asString()).endsWith("Z");
        assertThat(viaLink.status()).isEqualTo(200);
        assertThat(viaLink.json().get("resource").get("title").asString()).isEqualTo("Shared post");
        assertThat(viaLink.json().get("resource").get("content").get("body").asString()).isEqualTo("secret Shared post");
    }

    @Test
    void unknownLinkIsNotFound() {
        assertThat(api.get("/shared/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(api.get("/shared/not-a-token", null).status()).isEqualTo(404);
    }

    @Test
    void viewShareLetsUserReadOnlyThatItem() {
        Session alice = api.registerNew("share_owner");
        Session bob = api.registerNew("share_viewer");
        long shared = anItem(alice, "For Bob");
        long notShared = anItem(alice, "Private");

        share(alice, "item", shared, bob.userId(), "view", null);

        assertThat(api.get("/api/items/" + shared, bob.token()).status()).isEqualTo(200);
        assertThat(api.put("/api/items/" + shared, bob.token(), Map.of("title", "changed")).status()).isEqualTo(403);
        assertThat(api.delete("/api/items/" + shared, bob.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/items/" + notShared, bob.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/items", bob.token()).json()).isEmpty();
        assertThat(api.get("/api/items/" + shared, alice.token()).json().get("title").asString()).isEqualTo("For Bob");
    }

    @Test
    void editShareLetsUserUpdateButNotDelete() {
        Session alice = api.registerNew("share_editor_owner");
        Session bob = api.registerNew("share_editor");
        long itemId = anItem(alice, "Draft together");

        share(alice, "item", itemId, bob.userId(), "edit", null);
        Response updated = api.put("/api/items/" + itemId, bob.token(), Map.of("title", "Edited by Bob"));
        Response deleted = api.delete("/api/items/" + itemId, bob.token());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("user_id").asLong()).isEqualTo(alice.userId());
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(api.get("/api/items/" + itemId, alice.token()).json().get("title").asString()).isEqualTo("Edited by Bob");
    }

    @Test
    void rejectsSharingRecordsOfOthers() {
        Session alice = api.registerNew("share_victim");
        Session mallory = api.registerNew("share_thief");
        long itemId = anItem(alice, "Not yours");

        Response stolen = share(mallory, "item", itemId, null, "view", null);
        Response missing = share(mallory, "item", 999999999L, null, "view", null);

        assertThat(stolen.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(stolen.json().get("detail").asString()).isEqualTo("Item " + itemId + " not found");
    }

    @Test
    void rejectsEditThroughPublicLinkAndNonIntegerIds() {
        Session alice = api.registerNew("share_public_edit");
        long itemId = anItem(alice, "x");

        Response publicEdit = share(alice, "item", itemId, null, "edit", null);
        Response fractional = share(alice, "item", 1.5, null, "view", null);
        Response text = share(alice, "item", "one", null, "view", null);

        assertThat(publicEdit.status()).isEqualTo(400);
        assertThat(publicEdit.json().get("errors").get(0).get("field").asString()).isEqualTo("permission");
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(text.status()).isEqualTo(400);
    }

    @Test
    void newShareWithSameUserReplacesOld() {
        Session alice = api.registerNew("share_replace_owner");
        Session bob = api.registerNew("share_replace_user");
        long itemId = anItem(alice, "Upgraded");

        share(alice, "item", itemId, bob.userId(), "view", null);
        share(alice, "item", itemId, bob.userId(), "edit", null);
        JsonNode withBob = api.get("/api/collab/shared-with-me", bob.token()).json();

        assertThat(withBob).hasSize(1);
        assertThat(withBob.get(0).get("permission").asString()).isEqualTo("edit");
        assertThat(api.get("/api/collab/shared", alice.token()).json()).hasSize(1);
    }

    static List<Arguments> invalidShares() {
        return List.of(
                Arguments.of("resource_type", "folder", "view", null),
                Arguments.of("permission", "item", "admin", null),
                Arguments.of("expires_in_days", "item", "view", 0),
                Arguments.of("expires_in_days", "item", "view", 366));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @MethodSource("invalidShares")
    void rejectsInvalidShare(String field, String type, String permission, Integer days) {
        Session alice = api.registerNew("share_invalid");
        long itemId = anItem(alice, "x");

        Response response = share(alice, type, itemId, null, permission, days);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void rejectsSharingWithSelfOrMissingUser() {
        Session alice = api.registerNew("share_self");
        long itemId = anItem(alice, "x");

        assertThat(share(alice, "item", itemId, alice.userId(), "view", null).status()).isEqualTo(400);
        assertThat(share(alice, "item", itemId, 999999999L, "view", null).status()).isEqualTo(404);
    }

    @Test
    void expiredShareGrantsNothing() {
        Session alice = api.registerNew("share_expiring");
        Session bob = api.registerNew("share_late");
        long itemId = anItem(alice, "Soon gone");
        JsonNode publicShare = share(alice, "item", itemId, null, "view", 1).json();
        share(alice, "item", itemId, bob.userId(), "view", 1);

        jdbc.sql("update shares set expires_at = ? where resource_type = 'item' and resource_id = ?")
                .params(java.time.OffsetDateTime.now().minusHours(1), itemId).update();

        assertThat(api.get("/shared/" + publicShare.get("share_token").asString(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/items/" + itemId, bob.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/collab/shared-with-me", bob.token()).json()).isEmpty();
        assertThat(api.get("/api/collab/shared", alice.token()).json())
                .allSatisfy(view -> assertThat(view.get("expired").asBoolean()).isTrue());
    }

    @Test
    void revokedShareGrantsNothing() {
        Session alice = api.registerNew("share_revoker");
        Session bob = api.registerNew("share_revoked");
        Session mallory = api.registerNew("share_other");
        long itemId = anItem(alice, "Taken back");
        JsonNode publicShare = share(alice, "item", itemId, null, "view", null).json();
        long bobShare = share(alice, "item", itemId, bob.userId(), "view", null).json().get("id").asLong();

        Response byOther = api.delete("/api/collab/share/" + bobShare, mallory.token());
        Response revoked = api.delete("/api/collab/share/" + bobShare, alice.token());
        api.delete("/api/collab/share/" + publicShare.get("id").asLong(), alice.token());

        assertThat(byOther.status()).isEqualTo(404);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.get("/api/items/" + itemId, bob.token()).status()).isEqualTo(404);
        assertThat(api.get("/shared/" + publicShare.get("share_token").asString(), null).status()).isEqualTo(404);
    }

    @Test
    void listsSharesAndSharedWithMe() {
        Session alice = api.registerNew("share_lister");
        Session bob = api.registerNew("share_receiver");
        long itemId = anItem(alice, "Listed");
        share(alice, "item", itemId, bob.userId(), "edit", null);
        share(alice, "item", itemId, null, "view", null);

        JsonNode mine = api.get("/api/collab/shared?resource_type=item", alice.token()).json();
        JsonNode rooms = api.get("/api/collab/shared?resource_type=chat_room", alice.token()).json();
        JsonNode withBob = api.get("/api/collab/shared-with-me", bob.token()).json();

        assertThat(mine).hasSize(2);
        assertThat(mine).allSatisfy(view -> assertThat(view.get("expired").asBoolean()).isFalse());
        assertThat(rooms).isEmpty();
        assertThat(withBob).hasSize(1);
        assertThat(withBob.get(0).get("resource_id").asLong()).isEqualTo(itemId);
        assertThat(withBob.get(0).get("permission").asString()).isEqualTo("edit");
        assertThat(withBob.get(0).get("owner_username").asString()).isEqualTo(alice.username());
        assertThat(api.get("/api/collab/shared?resource_type=folder", alice.token()).status()).isEqualTo(400);
    }

    @Test
    void sharesChatRoomForReadingOrPosting() {
        Session alice = api.registerNew("share_room_owner");
        Session viewer = api.registerNew("share_room_viewer");
        Session poster = api.registerNew("share_room_poster");
        String room = TestAccounts.uniqueUsername("shared_room");
        api.post("/api/chat/send", alice.token(), Map.of("room_id", room, "message", "hello"));

        share(alice, "chat_room", room, viewer.userId(), "view", null);
        share(alice, "chat_room", room, poster.userId(), "edit", null);
        JsonNode publicLink = share(alice, "chat_room", room, null, "view", null).json();

        assertThat(api.get("/api/chat/" + room, viewer.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/chat/send", viewer.token(), Map.of("room_id", room, "message", "hi")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/chat/send", poster.token(), Map.of("room_id", room, "message", "hi")).status())
                .isEqualTo(201);
        assertThat(publicLink.get("resource_id").asString()).isEqualTo(room);
        JsonNode viaLink = api.get("/shared/" + publicLink.get("share_token").asString(), null).json();
        assertThat(viaLink.get("resource").get("messages")).extracting(node -> node.get("message").asString())
                .containsExactly("hi", "hello");
    }

    @Test
    void deletingItemRemovesItsShares() {
        Session alice = api.registerNew("share_deleter");
        Session bob = api.registerNew("share_orphan");
        long itemId = anItem(alice, "Deleted soon");
        share(alice, "item", itemId, bob.userId(), "view", null);
        String token = share(alice, "item", itemId, null, "view", null).json().get("share_token").asString();

        api.delete("/api/items/" + itemId, alice.token());

        assertThat(api.get("/api/collab/shared", alice.token()).json()).isEmpty();
        assertThat(api.get("/api/collab/shared-with-me", bob.token()).json()).isEmpty();
        assertThat(api.get("/shared/" + token, null).status()).isEqualTo(404);
    }

    @Test
    void requiresTokenForShareManagement() {
        assertThat(api.get("/api/collab/shared", null).status()).isEqualTo(401);
        assertThat(api.post("/api/collab/share", null, Map.of("resource_type", "item", "resource_id", 1)).status())
                .isEqualTo(401);
    }
}
