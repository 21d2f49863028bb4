package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import io.allice.platform.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/search} against one database and its engine, which each subclass picks. */
abstract class SearchApiContract {

    @LocalServerPort
    int port;

    ApiClient api;
    Session alice;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        alice = api.registerNew("search");
    }

    // Fixtures

    long anItem(Session owner, String title, String description, String body) {
        return anItemWithContent(owner, title, description, body == null ? Map.of() : Map.of("body", body));
    }

    long anItemWithContent(Session owner, String title, String description, Map<String, Object> content) {
        Map<String, Object> request = new HashMap<>();
        request.put("title", title);
        request.put("description", description);
        request.put("content", content);
        Response created = api.post("/api/items", owner.token(), request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long aFile(Session owner, String filename, String description, String tags) {
        MultipartBody body = new MultipartBody().file("file", filename, "text/plain",
                "plain text".getBytes(StandardCharsets.UTF_8));
        if (description != null) {
            body.field("description", description);
        }
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

    Response search(Session caller, String query, String... parameters) {
        StringBuilder path = new StringBuilder("/api/search?q=")
                .append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        for (String parameter : parameters) {
            path.append('&').append(parameter);
        }
        return api.get(path.toString(), caller.token());
    }

    JsonNode results(Session caller, String query, String... parameters) {
        Response response = search(caller, query, parameters);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static List<String> keys(JsonNode results) {
        List<String> keys = new ArrayList<>();
        results.forEach(result -> keys.add(result.get("type").asString() + ":" + result.get("id").asLong()));
        return keys;
    }

    static String item(long id) {
        return "item:" + id;
    }

    // Matching

    @Test
    void findsItemsFilesAndMediaByTheirText() {
        long item = anItem(alice, "Nebula survey", "Notes", "Observed a nebula");
        long file = aFile(alice, "nebula-catalogue.txt", "Catalogue", "astronomy");
        long media = anImage(alice, "nebula_photo.png");

        JsonNode all = results(alice, "nebula");

        assertThat(keys(all)).containsExactlyInAnyOrder(item(item), "file:" + file, "media:" + media);
        JsonNode found = all.get(keys(all).indexOf("file:" + file));
        assertThat(found.get("title").asString()).isEqualTo("nebula-catalogue.txt");
        assertThat(found.get("description").asString()).isEqualTo("Catalogue");
        assertThat(found.get("created_at").asString()).endsWith("Z");
        assertThat(found.get("score").isNumber()).isTrue();
    }

    @Test
    void filtersByType() {
        long item = anItem(alice, "Comet notes", null, null);
        long file = aFile(alice, "comet.txt", null, null);

        assertThat(keys(results(alice, "comet", "type=item"))).containsExactly(item(item));
        assertThat(keys(results(alice, "comet", "type=file"))).containsExactly("file:" + file);
        assertThat(keys(results(alice, "comet", "type=media"))).isEmpty();
    }

    @Test
    void findsItemByTextInsideContent() {
        long item = anItemWithContent(alice, "Untitled", null, Map.of("blocks", List.of(
                Map.of("kind", "heading", "text", "Maintenance"),
                Map.of("kind", "paragraph", "text", "The telescope mirror needs realignment", "order", 2))));

        JsonNode found = results(alice, "realignment");

        assertThat(keys(found)).containsExactly(item(item));
        assertThat(found.get(0).get("highlight").asString()).contains("<mark>realignment</mark>");
    }

    @Test
    void findsFileByTags() {
        long file = aFile(alice, "ledger.txt", "Yearly figures", "bookkeeping,q4");

        assertThat(keys(results(alice, "bookkeeping"))).containsExactly("file:" + file);
    }

    @Test
    void ignoresCaseAndAccents() {
        long accented = anItem(alice, "Café Crème Brûlée", null, null);
        long plain = anItem(alice, "Resume template", null, null);

        assertThat(keys(results(alice, "cafe creme brulee"))).containsExactly(item(accented));
        assertThat(keys(results(alice, "CAFÉ"))).containsExactly(item(accented));
        assertThat(keys(results(alice, "résumé"))).containsExactly(item(plain));
    }

    @Test
    void matchesWordFormsByStemming() {
        long item = anItem(alice, "Connecting the pipelines", null, null);

        assertThat(keys(results(alice, "\"connected\""))).containsExactly(item(item));
        assertThat(keys(results(alice, "\"pipeline\""))).containsExactly(item(item));
    }

    @Test
    void matchesPrefixOfLastWord() {
        long item = anItem(alice, "Kubernetes deployment handbook", null, null);

        assertThat(keys(results(alice, "kube"))).containsExactly(item(item));
        assertThat(keys(results(alice, "deployment hand"))).containsExactly(item(item));
        assertThat(keys(results(alice, "hand deployment"))).as("only the last word is a prefix")
                .containsExactly(item(item));
        assertThat(keys(results(alice, "\"hand\""))).as("a quoted word is not a prefix").isEmpty();
    }

    @Test
    void findsWordsInOtherScripts() {
        long cyrillic = anItem(alice, "Привет мир", null, null);
        long greek = anItem(alice, "Καλημέρα κόσμε", null, null);

        assertThat(keys(results(alice, "привет"))).containsExactly(item(cyrillic));
        assertThat(keys(results(alice, "καλημερα"))).containsExactly(item(greek));
    }

    // Ranking

    @Test
    void ranksTitleAboveDescriptionAboveBody() {
        long inBody = anItem(alice, "Alpha", "First", "about the zeppelin");
        long inDescription = anItem(alice, "Beta", "The zeppelin", null);
        long inTitle = anItem(alice, "Zeppelin", "Second", null);

        JsonNode found = results(alice, "zeppelin");

        assertThat(keys(found)).containsExactly(item(inTitle), item(inDescription), item(inBody));
        assertThat(found.get(0).get("score").asDouble()).isGreaterThan(found.get(1).get("score").asDouble());
        assertThat(found.get(1).get("score").asDouble()).isGreaterThan(found.get(2).get("score").asDouble());
    }

    @Test
    void ranksAllWordsAboveSome() {
        long some = anItem(alice, "Orchid care", null, null);
        long all = anItem(alice, "Orchid watering schedule", null, null);

        JsonNode found = results(alice, "orchid watering schedule");

        assertThat(keys(found)).containsExactly(item(all), item(some));
    }

    @Test
    void ranksExactPhraseAboveScatteredWords() {
        long scattered = anItem(alice, "Granite counter and a marble floor", null, null);
        long phrase = anItem(alice, "Marble counter and a granite floor", null, null);

        JsonNode found = results(alice, "\"granite floor\"");

        assertThat(keys(found)).containsExactly(item(phrase), item(scattered));
        assertThat(found.get(0).get("score").asDouble()).isGreaterThan(found.get(1).get("score").asDouble());
    }

    @Test
    void returnsAtMostLimit() {
        for (int index = 0; index < 3; index++) {
            anItem(alice, "Lantern " + index, null, null);
        }

        assertThat(results(alice, "lantern", "limit=2")).hasSize(2);
        assertThat(results(alice, "lantern")).hasSize(3);
    }

    // Highlights

    @Test
    void highlightMarksMatchesAndEscapesHtml() {
        anItem(alice, "Tom & Jerry <b>show</b>", null, null);

        JsonNode found = results(alice, "jerry");

        assertThat(found.get(0).get("highlight").asString())
                .isEqualTo("Tom &amp; <mark>Jerry</mark> &lt;b&gt;show&lt;/b&gt;");
    }

    @Test
    void highlightCutsLongTextAroundTheMatch() {
        String body = "filler ".repeat(60) + "the quokka smiled " + "padding ".repeat(60);
        anItem(alice, "Animals", null, body);

        String highlight = results(alice, "quokka").get(0).get("highlight").asString();

        assertThat(highlight).contains("the <mark>quokka</mark> smiled");
        assertThat(highlight).startsWith("\u2026").endsWith("\u2026");
        assertThat(highlight.length()).isLessThan(body.length() / 2);
    }

    @Test
    void highlightMarksPrefixAndStemMatches() {
        anItem(alice, "Painters painting paintings", null, null);

        assertThat(results(alice, "paint").get(0).get("highlight").asString())
                .isEqualTo("<mark>Painters</mark> <mark>painting</mark> <mark>paintings</mark>");
    }

    // Access

    @Test
    void neverShowsAnotherUsersRecords() {
        Session bob = api.registerNew("search_bob");
        anItem(bob, "Walrus migration", null, null);
        aFile(bob, "walrus.txt", null, null);

        assertThat(results(alice, "walrus")).isEmpty();
    }

    @Test
    void showsRecordsSharedWithTheCallerUntilRevoked() {
        Session bob = api.registerNew("search_bob");
        long item = anItem(bob, "Platypus field notes", null, null);
        long file = aFile(bob, "platypus.txt", null, null);
        long itemShare = share(bob, "item", item, alice).json().get("id").asLong();
        share(bob, "file", file, alice);

        assertThat(keys(results(alice, "platypus"))).containsExactlyInAnyOrder(item(item), "file:" + file);

        assertThat(api.delete("/api/collab/share/" + itemShare, bob.token()).status()).isEqualTo(204);
        assertThat(keys(results(alice, "platypus"))).containsExactly("file:" + file);
    }

    @Test
    void publicLinkDoesNotAddRecordToOthersResults() {
        Session bob = api.registerNew("search_bob");
        long item = anItem(bob, "Narwhal sketches", null, null);
        share(bob, "item", item, null);

        assertThat(results(alice, "narwhal")).isEmpty();
        assertThat(keys(results(bob, "narwhal"))).containsExactly(item(item));
    }

    @Test
    void deletedAccountTakesSharedRecordsAlong() {
        Session bob = api.registerNew("search_bob");
        long item = anItem(bob, "Pangolin drawings", null, null);
        share(bob, "item", item, alice);
        assertThat(keys(results(alice, "pangolin"))).containsExactly(item(item));

        Response deleted = api.send("DELETE", "/api/auth/me", bob.token(),
                Map.of("password", TestAccounts.PASSWORD), Map.of());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(results(alice, "pangolin")).isEmpty();
    }

    Response share(Session owner, String type, long id, Session with) {
        Map<String, Object> body = new HashMap<>();
        body.put("resource_type", type);
        body.put("resource_id", id);
        body.put("shared_with_user_id", with == null ? null : with.userId());
        Response created = api.post("/api/collab/share", owner.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    // Changes

    @Test
    void updatedItemIsFoundByItsNewText() {
        long item = anItem(alice, "Draft about ferns", null, null);

        Response updated = api.put("/api/items/" + item, alice.token(), Map.of("title", "Essay about mosses"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(results(alice, "ferns")).isEmpty();
        assertThat(keys(results(alice, "mosses"))).containsExactly(item(item));
    }

    @Test
    void updatedFileIsFoundByItsNewDescriptionAndTags() {
        long file = aFile(alice, "scan.txt", "old words", null);

        Response updated = api.put("/api/files/" + file, alice.token(),
                Map.of("description", "Invoice from the glazier", "tags", List.of("renovation")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(keys(results(alice, "glazier"))).containsExactly("file:" + file);
        assertThat(keys(results(alice, "renovation"))).containsExactly("file:" + file);
    }

    @Test
    void deletedRecordsDisappear() {
        long item = anItem(alice, "Meerkat diary", null, null);
        long file = aFile(alice, "meerkat.txt", null, null);
        long media = anImage(alice, "meerkat.png");

        assertThat(api.delete("/api/items/" + item, alice.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/files/" + file, alice.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/media/" + media, alice.token()).status()).isEqualTo(204);

        assertThat(results(alice, "meerkat")).isEmpty();
    }

    // Hostile and invalid input

    @ParameterizedTest
    @ValueSource(strings = {
            "\"", "\"\"", "\" \"", "'", "''", ":", "::", "(", ")", "()", "\\", "\\\\", "&|!:*", "!", "*", "<->",
            "a:*", "a & b | !c", "a <-> b", "'; drop table search_documents; --", "1' or '1'='1", "%", "_", "%_%",
            "\"unclosed phrase", "phrase\" with stray quote", "(((", "a:A", "e\u0301", "\uD83D\uDE00",
            "\uD83D\uDE00 report",
            "日本語", "中文 搜索", "مرحبا", "the", "the and of", "<script>alert(1)</script>", "-", "--", "$$", "{}", "[]",
            "null", "\t", " "})
    void hostileQueryGivesAListNeverAnError(String query) {
        anItem(alice, "Quarterly report", null, null);

        Response response = search(alice, query);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quasar)", "(quasar", "quasar:*", "!quasar", "quasar & |", "'quasar'", "quasar\\",
            "\"quasar", "quasar'; delete from items; --", "\uD83D\uDE00quasar", "<b>quasar</b>", "quasar:A"})
    void hostileQueryAroundAWordStillFindsIt(String query) {
        long item = anItem(alice, "Quasar observations", null, null);

        assertThat(keys(results(alice, query))).containsExactly(item(item));
    }

    @Test
    void queryOfTwoHundredCharactersIsAccepted() {
        assertThat(search(alice, "a".repeat(200)).status()).isEqualTo(200);
        assertThat(search(alice, "\uD83D\uDE00".repeat(200)).status()).isEqualTo(200);
    }

    static List<String> invalidParameters() {
        return List.of("", "q=", "q=" + "x".repeat(201), "q=a&type=chat_room", "q=a&type=items", "q=a&type=",
                "q=a&limit=0", "q=a&limit=101", "q=a&limit=-1", "q=a&limit=ten");
    }

    @ParameterizedTest
    @MethodSource("invalidParameters")
    void rejectsInvalidParametersWith400(String parameters) {
        Response response = api.get("/api/search?" + parameters, alice.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void rejectsAnonymousCallerWith401() {
        assertThat(api.get("/api/search?q=report", null).status()).isEqualTo(401);
    }
}
