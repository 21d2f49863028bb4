package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/recommendations} against one database and its engine, which each subclass picks. */
abstract class RecommendationApiContract {

    @LocalServerPort
    int port;

    @Autowired
    RecentViews views;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Session alice;
    Session bob;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        alice = api.registerNew("recommend");
        bob = api.registerNew("recommend_bob");
    }

    // Fixtures

    long anItem(Session owner, String title, String status) {
        Map<String, Object> request = new HashMap<>();
        request.put("title", title);
        request.put("status", status);
        Response created = api.post("/api/items", owner.token(), request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long aDraft(Session owner, String title) {
        return anItem(owner, title, "draft");
    }

    long aPublishedItem(Session owner, String title) {
        return anItem(owner, title, "published");
    }

    long aFile(Session owner, String filename, String tags) {
        MultipartBody body = new MultipartBody().file("file", filename, "text/plain",
                "plain text".getBytes(StandardCharsets.UTF_8));
        if (tags != null) {
            body.field("tags", tags);
        }
        Response created = api.upload("/api/files/upload", owner.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long anImage(Session owner, String filename) {
        Response created = api.upload("/api/media/upload", owner.token(),
                new MultipartBody().file("file", filename, "image/png", MediaFixtures.image()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long share(Session owner, String type, long id, Session with) {
        Map<String, Object> body = new HashMap<>();
        body.put("resource_type", type);
        body.put("resource_id", id);
        body.put("shared_with_user_id", with.userId());
        Response created = api.post("/api/collab/share", owner.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    void open(Session caller, String path) {
        Response opened = api.get(path, caller.token());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    }

    JsonNode recommendations(Session caller, String... parameters) {
        Response response = api.get("/api/recommendations" + (parameters.length == 0 ? "" : "?"
                + String.join("&", parameters)), caller.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static List<String> keys(JsonNode recommendations) {
        List<String> keys = new ArrayList<>();
        recommendations.forEach(found -> keys.add(found.get("type").asString() + ":" + found.get("id").asLong()));
        return keys;
    }

    static JsonNode find(JsonNode recommendations, String key) {
        for (JsonNode found : recommendations) {
            if (key.equals(found.get("type").asString() + ":" + found.get("id").asLong())) {
                return found;
            }
        }
        throw new AssertionError(key + " is not among " + recommendations);
    }

    static String item(long id) {
        return "item:" + id;
    }

    static String file(long id) {
        return "file:" + id;
    }

    // Reasons

    @Test
    void newUserGetsEmptyList() {
        assertThat(recommendations(alice)).isEmpty();
    }

    @Test
    void recommendsRecordsSimilarToRecentlyCreatedOnes() {
        long file = aFile(alice, "notes.txt", "telescope,astronomy");
        long guide = aDraft(alice, "Telescope buying guide");
        long unrelated = aDraft(alice, "Tax return");

        JsonNode found = recommendations(alice);

        assertThat(keys(found)).contains(file(file), item(guide)).doesNotContain(item(unrelated));
        JsonNode recommendedFile = find(found, file(file));
        assertThat(recommendedFile.get("reason").asString()).isEqualTo("similar_content");
        assertThat(recommendedFile.get("similar_to").get("id").asLong()).isEqualTo(guide);
        assertThat(recommendedFile.get("similar_to").get("type").asString()).isEqualTo("item");
        assertThat(recommendedFile.get("reason_detail").asString())
                .startsWith("Similar to \"Telescope buying guide\"").contains("telescope");
        assertThat(recommendedFile.get("score").asDouble()).isBetween(0.1, 1.0);
        assertThat(recommendedFile.get("title").asString()).isEqualTo("notes.txt");
        assertThat(recommendedFile.get("created_at").asString()).endsWith("Z");
    }

    @Test
    void comparesTagsOfFiles() {
        long first = aFile(alice, "scan-001.pdf", "kayak,river");
        long second = aFile(alice, "receipt.pdf", "Kayak");

        JsonNode found = recommendations(alice);

        JsonNode recommended = find(found, file(second));
        assertThat(recommended.get("similar_to").get("id").asLong()).isEqualTo(first);
        assertThat(recommended.get("reason_detail").asString()).contains("same tags kayak");
    }

    @Test
    void recommendsRecordsSimilarToARecentlyOpenedOne() {
        long bobsItem = aDraft(bob, "Comet photography tips");
        share(bob, "item", bobsItem, alice);
        long alicesItem = aDraft(alice, "Comet sightings log");
        open(alice, "/api/items/" + bobsItem);

        JsonNode found = recommendations(alice);

        assertThat(keys(found)).containsExactly(item(alicesItem));
        assertThat(found.get(0).get("reason").asString()).isEqualTo("similar_content");
        assertThat(found.get(0).get("similar_to").get("id").asLong()).isEqualTo(bobsItem);
    }

    @Test
    void recommendsRecordsRecentlySharedWithTheCaller() {
        long item = aDraft(bob, "Quokka census");
        long file = aFile(bob, "quokka.csv", null);
        share(bob, "item", item, alice);
        share(bob, "file", file, alice);

        JsonNode found = recommendations(alice);

        assertThat(keys(found)).containsExactlyInAnyOrder(item(item), file(file));
        found.forEach(recommended -> {
            assertThat(recommended.get("reason").asString()).isEqualTo("shared_with_you");
            assertThat(recommended.get("similar_to").isNull()).isTrue();
        });
    }

    @Test
    void recommendsTheCallersRecentlyPublishedItems() {
        long published = aPublishedItem(alice, "Harbour festival");
        long draft = aDraft(alice, "Ledger cleanup");

        JsonNode found = recommendations(alice);

        assertThat(keys(found)).containsExactly(item(published)).doesNotContain(item(draft));
        assertThat(found.get(0).get("reason").asString()).isEqualTo("recently_published");
        assertThat(found.get(0).get("reason_detail").asString()).isEqualTo("You published it recently");
    }

    @Test
    void archivedItemIsNoLongerRecentlyPublished() {
        long item = aPublishedItem(alice, "Glacier walk");

        Response archived = api.put("/api/items/" + item, alice.token(), Map.of("status", "archived"));

        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(recommendations(alice)).isEmpty();
    }

    // Mixing

    @Test
    void mixesReasonsSoNoneFillsTheList() {
        aDraft(alice, "Kayak paddle review");
        aDraft(alice, "Kayak rack fitting");
        for (String title : List.of("Orchid care", "Violin scales", "Bakery hours")) {
            aPublishedItem(alice, title);
        }
        for (String title : List.of("Zeppelin history", "Quasar notes", "Marmot sightings")) {
            share(bob, "item", aDraft(bob, title), alice);
        }

        JsonNode firstThree = recommendations(alice, "limit=3");
        JsonNode all = recommendations(alice, "limit=50");

        Set<String> reasons = new HashSet<>();
        firstThree.forEach(recommended -> reasons.add(recommended.get("reason").asString()));
        assertThat(reasons).containsExactlyInAnyOrder("similar_content", "shared_with_you", "recently_published");
        assertThat(all).hasSize(8);
    }

    @Test
    void neverRepeatsARecord() {
        long published = aPublishedItem(alice, "Lighthouse restoration");
        long similar = aDraft(alice, "Lighthouse lens cleaning");

        JsonNode found = recommendations(alice);

        List<String> keys = keys(found);
        assertThat(keys).doesNotHaveDuplicates().containsExactlyInAnyOrder(item(published), item(similar));
    }

    // Exclusions

    @Test
    void leavesOutRecordsTheCallerOpened() {
        long item = aPublishedItem(alice, "Meteor shower");
        long file = aFile(bob, "meteor.txt", null);
        long downloaded = aFile(bob, "fireball.txt", null);
        long media = anImage(bob, "aurora.png");
        share(bob, "file", file, alice);
        share(bob, "file", downloaded, alice);
        share(bob, "media", media, alice);
        assertThat(recommendations(alice)).hasSize(4);

        open(alice, "/api/items/" + item);
        open(alice, "/api/files/" + file);
        assertThat(api.fetch("GET", "/api/files/" + downloaded + "/download", alice.token(), Map.of()).status())
                .isEqualTo(200);
        open(alice, "/api/media/" + media);

        assertThat(recommendations(alice)).isEmpty();
    }

    @Test
    void storedViewsStillLeaveRecordsOut() {
        long item = aPublishedItem(alice, "Volcano trek");
        open(alice, "/api/items/" + item);
        open(alice, "/api/items/" + item);

        views.flush();
        open(alice, "/api/items/" + item);
        views.flush();

        long stored = jdbc.sql("select count(*) from recent_views where user_id = ? and resource_type = 'item'"
                        + " and resource_id = ?")
                .params(alice.userId(), item).query(Long.class).single();
        assertThat(stored).isEqualTo(1);
        assertThat(recommendations(alice)).isEmpty();
    }

    @Test
    void listingRecordsDoesNotCountAsOpeningThem() {
        long item = aPublishedItem(alice, "Canyon hike");

        open(alice, "/api/items");

        assertThat(keys(recommendations(alice))).containsExactly(item(item));
    }

    @Test
    void neverShowsAnotherUsersRecords() {
        aDraft(alice, "Walrus migration notes");
        long bobsSimilar = aDraft(bob, "Walrus migration map");
        long bobsPublished = aPublishedItem(bob, "Walrus photos");
        long bobsFile = aFile(bob, "walrus.txt", "walrus");

        JsonNode found = recommendations(alice);

        assertThat(keys(found)).doesNotContain(item(bobsSimilar), item(bobsPublished), file(bobsFile));
        assertThat(found).isEmpty();
    }

    @Test
    void revokedShareTakesTheRecordAway() {
        long item = aDraft(bob, "Puffin colony");
        long share = share(bob, "item", item, alice);
        assertThat(keys(recommendations(alice))).containsExactly(item(item));

        Response revoked = api.delete("/api/collab/share/" + share, bob.token());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(recommendations(alice)).isEmpty();
    }

    @Test
    void revokedShareIsNoLongerASeed() {
        long bobsItem = aDraft(bob, "Pelican feeding");
        long share = share(bob, "item", bobsItem, alice);
        open(alice, "/api/items/" + bobsItem);
        long alicesFile = aFile(alice, "pelican.txt", null);
        assertThat(find(recommendations(alice), file(alicesFile)).get("similar_to").get("id").asLong())
                .isEqualTo(bobsItem);

        assertThat(api.delete("/api/collab/share/" + share, bob.token()).status()).isEqualTo(204);

        assertThat(recommendations(alice)).isEmpty();
    }

    @Test
    void deletedRecordDisappears() {
        long item = aPublishedItem(alice, "Bonsai pruning");

        assertThat(api.delete("/api/items/" + item, alice.token()).status()).isEqualTo(204);

        assertThat(recommendations(alice)).isEmpty();
    }

    // Parameters

    @Test
    void returnsAtMostLimit() {
        for (String title : List.of("Alpaca", "Badger", "Cheetah", "Dingo", "Emu", "Ferret", "Gecko", "Heron",
                "Ibis", "Jackal", "Koala", "Lemur")) {
            aPublishedItem(alice, title);
        }

        assertThat(recommendations(alice)).as("the default limit").hasSize(10);
        assertThat(recommendations(alice, "limit=2")).hasSize(2);
        assertThat(recommendations(alice, "limit=50")).hasSize(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=51", "limit=-1", "limit=ten", "limit=1.5"})
    void rejectsInvalidLimitWith400(String parameters) {
        Response response = api.get("/api/recommendations?" + parameters, alice.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void rejectsAnonymousCallerWith401() {
        assertThat(api.get("/api/recommendations", null).status()).isEqualTo(401);
    }
}
