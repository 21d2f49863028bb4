package io.allice.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ItemApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    private static final long MISSING_ID = 9_000_000_000_000_000L;

    @LocalServerPort
    int port;

    ApiClient api;
    Session owner;

    @BeforeEach
    void signIn() {
        api = ApiClient.onPort(port);
        owner = api.registerNew("items");
    }

    // --- create ---

    @Test
    void createsItemWith201AndLocation() {
        Response response = api.post("/api/items", owner.token(), Map.of("title", "First post"));

        assertThat(response.status()).isEqualTo(201);
        long id = response.json().get("id").asLong();
        assertThat(id).isPositive();
        assertThat(response.header("Location")).endsWith("/api/items/" + id);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void createReturnsEveryContractField() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Full item");
        body.put("description", "A short summary");
        body.put("content", Map.of("body", "Hello"));
        body.put("item_type", "article");
        body.put("status", "draft");
        body.put("metadata", Map.of("lang", "en"));

        JsonNode item = api.post("/api/items", owner.token(), body).json();

        assertThat(fieldNames(item)).containsExactlyInAnyOrder("id", "title", "description", "content", "item_type",
                "status", "user_id", "metadata", "created_at", "updated_at", "published_at");
        assertThat(item.get("title").asString()).isEqualTo("Full item");
        assertThat(item.get("description").asString()).isEqualTo("A short summary");
        assertThat(item.get("content")).isEqualTo(JSON.valueToTree(Map.of("body", "Hello")));
        assertThat(item.get("item_type").asString()).isEqualTo("article");
        assertThat(item.get("status").asString()).isEqualTo("draft");
        assertThat(item.get("user_id").asLong()).isEqualTo(owner.userId());
        assertThat(item.get("metadata")).isEqualTo(JSON.valueToTree(Map.of("lang", "en")));
        assertThat(item.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(item.get("updated_at").asString()).matches(TIMESTAMP);
        assertThat(item.get("published_at").isNull()).isTrue();
    }

    @Test
    void createAppliesDefaults() {
        JsonNode item = api.post("/api/items", owner.token(), Map.of("title", "Only a title")).json();

        assertThat(item.get("item_type").asString()).isEqualTo("post");
        assertThat(item.get("status").asString()).isEqualTo("draft");
        assertThat(item.get("content")).isEqualTo(JSON.createObjectNode());
        assertThat(item.get("metadata")).isEqualTo(JSON.createObjectNode());
        assertThat(item.get("description").isNull()).isTrue();
        assertThat(item.get("published_at").isNull()).isTrue();
        assertThat(item.get("created_at").asString()).isEqualTo(item.get("updated_at").asString());
    }

    @Test
    void nestedJsonComesBackIdentical() {
        String content = """
                {"blocks": [{"type": "paragraph", "text": "Grüße, 世界 ✓ 😀", "marks": []},
                            {"type": "list", "items": [1, 2.5, -3, 1e3, 9007199254740993, true, false, null]}],
                 "empty_object": {}, "empty_array": [], "nothing": null, "flag": true, "zero": 0,
                 "deep": {"a": {"b": {"c": {"d": ["x", {"e": "quote \\" backslash \\\\ tab \\t newline \\n"}]}}}},
                 "ünïcödé kéy": "value"}""";
        String metadata = """
                {"tags": ["a", "b"], "score": 0.125, "draft": false, "author": {"name": "Zoë", "id": 7}, "none": null}""";
        String body = "{\"title\": \"Nested\", \"content\": " + content + ", \"metadata\": " + metadata + "}";

        Response created = api.post("/api/items", owner.token(), body);
        Response fetched = api.get("/api/items/" + created.json().get("id").asLong(), owner.token());

        assertThat(created.status()).isEqualTo(201);
        assertThat(numbersAsDecimals(created.json().get("content"))).isEqualTo(numbersAsDecimals(JSON.readTree(content)));
        assertThat(numbersAsDecimals(created.json().get("metadata"))).isEqualTo(numbersAsDecimals(JSON.readTree(metadata)));
        assertThat(numbersAsDecimals(fetched.json().get("content"))).isEqualTo(numbersAsDecimals(JSON.readTree(content)));
        assertThat(numbersAsDecimals(fetched.json().get("metadata"))).isEqualTo(numbersAsDecimals(JSON.readTree(metadata)));
    }

    /**
     * Rewrites every number as its exact decimal value, so that 1e3, 1000 and 1000.0 compare
     * equal: they are one JSON number written three ways.
     */
    private static tools.jackson.databind.JsonNode numbersAsDecimals(tools.jackson.databind.JsonNode node) {
        var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        if (node.isNumber()) {
            return nodes.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            var copy = nodes.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), numbersAsDecimals(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = nodes.arrayNode();
            node.forEach(child -> copy.add(numbersAsDecimals(child)));
            return copy;
        }
        return node;
    }

    @Test
    void createPublishedStampsPublishedAt() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JsonNode item = api.post("/api/items", owner.token(), Map.of("title", "Live", "status", "published")).json();

        assertThat(item.get("status").asString()).isEqualTo("published");
        assertThat(item.get("published_at").asString()).matches(TIMESTAMP);
        assertThat(Instant.parse(item.get("published_at").asString())).isAfterOrEqualTo(before);
    }

    // --- list ---

    @Test
    void listsNewestFirst() {
        long first = createItem("one", "post", "draft");
        long second = createItem("two", "post", "draft");
        long third = createItem("three", "post", "draft");

        Response response = api.get("/api/items", owner.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response)).containsExactly(third, second, first);
    }

    @Test
    void listFiltersByItemType() {
        long note = createItem("a note", "note", "draft");
        createItem("a post", "post", "draft");

        Response response = api.get("/api/items?item_type=note", owner.token());

        assertThat(ids(response)).containsExactly(note);
    }

    @Test
    void listFiltersByStatus() {
        createItem("draft one", "post", "draft");
        long published = createItem("published one", "post", "published");
        createItem("archived one", "post", "archived");

        Response response = api.get("/api/items?status=published", owner.token());

        assertThat(ids(response)).containsExactly(published);
    }

    @Test
    void listFiltersByItemTypeAndStatus() {
        long publishedNote = createItem("published note", "note", "published");
        createItem("draft note", "note", "draft");
        createItem("published post", "post", "published");

        Response response = api.get("/api/items?item_type=note&status=published", owner.token());

        assertThat(ids(response)).containsExactly(publishedNote);
    }

    @Test
    void listPagesWithSkipAndLimit() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createItem("item " + i, "post", "draft"));
        }
        List<Long> newestFirst = created.reversed();

        Response firstPage = api.get("/api/items?skip=0&limit=2", owner.token());
        Response secondPage = api.get("/api/items?skip=2&limit=2", owner.token());
        Response lastPage = api.get("/api/items?skip=4&limit=2", owner.token());
        Response beyond = api.get("/api/items?skip=5&limit=2", owner.token());

        assertThat(ids(firstPage)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(secondPage)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(lastPage)).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(ids(beyond)).isEmpty();
    }

    @Test
    void listShowsOnlyCallersItems() {
        Session other = api.registerNew("items_other");
        long mine = createItem("mine", "post", "draft");
        api.post("/api/items", other.token(), Map.of("title", "theirs"));

        Response response = api.get("/api/items", owner.token());

        assertThat(ids(response)).containsExactly(mine);
    }

    // --- get ---

    @Test
    void getsOwnItem() {
        Response created = api.post("/api/items", owner.token(), Map.of("title", "Readable", "description", "text"));
        long id = created.json().get("id").asLong();

        Response response = api.get("/api/items/" + id, owner.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(created.json());
    }

    // --- update ---

    @Test
    void updateChangesOnlyFieldsPresent() {
        JsonNode before = api.post("/api/items", owner.token(), fullItem()).json();
        long id = before.get("id").asLong();

        Response response = api.put("/api/items/" + id, owner.token(), Map.of("title", "Renamed"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode after = response.json();
        assertThat(after.get("title").asString()).isEqualTo("Renamed");
        for (String unchanged : List.of("id", "description", "content", "item_type", "status", "user_id", "metadata",
                "created_at", "published_at")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(Instant.parse(after.get("updated_at").asString()))
                .isAfterOrEqualTo(Instant.parse(before.get("updated_at").asString()));
        assertThat(api.get("/api/items/" + id, owner.token()).json()).isEqualTo(after);
    }

    @Test
    void updateChangesEveryFieldGiven() {
        long id = api.post("/api/items", owner.token(), fullItem()).json().get("id").asLong();
        Map<String, Object> changes = Map.of("title", "New title", "description", "New description",
                "content", Map.of("body", List.of(1, 2)), "item_type", "page", "status", "archived",
                "metadata", Map.of("lang", "de"));

        JsonNode after = api.put("/api/items/" + id, owner.token(), changes).json();

        assertThat(after.get("title").asString()).isEqualTo("New title");
        assertThat(after.get("description").asString()).isEqualTo("New description");
        assertThat(after.get("content")).isEqualTo(JSON.valueToTree(Map.of("body", List.of(1, 2))));
        assertThat(after.get("item_type").asString()).isEqualTo("page");
        assertThat(after.get("status").asString()).isEqualTo("archived");
        assertThat(after.get("metadata")).isEqualTo(JSON.valueToTree(Map.of("lang", "de")));
    }

    @Test
    void emptyUpdateChangesNothing() {
        JsonNode before = api.post("/api/items", owner.token(), fullItem()).json();
        long id = before.get("id").asLong();

        Response response = api.put("/api/items/" + id, owner.token(), "{}");

        assertThat(response.status()).isEqualTo(200);
        for (String field : List.of("id", "title", "description", "content", "item_type", "status", "user_id",
                "metadata", "created_at", "published_at")) {
            assertThat(response.json().get(field)).as(field).isEqualTo(before.get(field));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"description", "content", "metadata"})
    void explicitNullClearsOptionalField(String field) {
        long id = api.post("/api/items", owner.token(), fullItem()).json().get("id").asLong();

        Response response = api.put("/api/items/" + id, owner.token(), "{\"" + field + "\": null}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get(field).isNull()).isTrue();
        assertThat(api.get("/api/items/" + id, owner.token()).json().get(field).isNull()).isTrue();
        assertThat(response.json().get("title").asString()).isEqualTo("Full item");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "item_type", "status"})
    void explicitNullForRequiredFieldIs400(String field) {
        JsonNode before = api.post("/api/items", owner.token(), fullItem()).json();
        long id = before.get("id").asLong();

        Response response = api.put("/api/items/" + id, owner.token(), "{\"" + field + "\": null}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly(field);
        assertThat(api.get("/api/items/" + id, owner.token()).json().get(field)).isEqualTo(before.get(field));
    }

    @Test
    void publishingDraftStampsPublishedAt() {
        JsonNode draft = api.post("/api/items", owner.token(), Map.of("title", "Soon")).json();
        long id = draft.get("id").asLong();

        JsonNode published = api.put("/api/items/" + id, owner.token(), Map.of("status", "published")).json();

        assertThat(draft.get("published_at").isNull()).isTrue();
        assertThat(published.get("status").asString()).isEqualTo("published");
        assertThat(published.get("published_at").asString()).matches(TIMESTAMP);
        assertThat(Instant.parse(published.get("published_at").asString()))
                .isAfterOrEqualTo(Instant.parse(draft.get("created_at").asString()));
    }

    // --- delete ---

    @Test
    void deleteReturns204ThenItemIsGone() {
        long id = createItem("short-lived", "post", "draft");

        Response deleted = api.delete("/api/items/" + id, owner.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/api/items/" + id, owner.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/items/" + id, owner.token()).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/items", owner.token()))).doesNotContain(id);
    }

    /** Racing deletes of one item: one succeeds, and each of the others is 404 or 409, never a 500. */
    @Test
    void parallelDeletesNeverFail() throws Exception {
        long id = api.post("/api/items", owner.token(), fullItem()).json().get("id").asLong();
        List<Future<Integer>> statuses = new ArrayList<>();

        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                statuses.add(threads.submit(() -> api.delete("/api/items/" + id, owner.token()).status()));
            }
        }

        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            seen.add(status.get());
        }
        assertThat(seen).filteredOn(status -> status == 204).hasSize(1);
        assertThat(seen).allMatch(status -> status == 204 || status == 404 || status == 409);
    }

    @Test
    void undecodableQueryStringIs400() {
        Response response = api.get("/api/items?status=%FF", owner.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("not valid UTF-8");
    }

    // --- invalid input ---

    static Stream<Arguments> invalidCreations() {
        Map<String, Object> noTitle = new HashMap<>();
        noTitle.put("description", "no title here");
        return Stream.of(
                Arguments.of("title missing", JSON.writeValueAsString(noTitle), "title"),
                Arguments.of("title blank", "{\"title\": \"   \"}", "title"),
                Arguments.of("title 201 characters", "{\"title\": \"" + "t".repeat(201) + "\"}", "title"),
                Arguments.of("title a number", "{\"title\": 42}", "title"),
                Arguments.of("status bogus", "{\"title\": \"t\", \"status\": \"bogus\"}", "status"),
                Arguments.of("content an array", "{\"title\": \"t\", \"content\": [1, 2]}", "content"),
                Arguments.of("content a string", "{\"title\": \"t\", \"content\": \"text\"}", "content"),
                Arguments.of("metadata a string", "{\"title\": \"t\", \"metadata\": \"text\"}", "metadata"),
                Arguments.of("item_type with spaces", "{\"title\": \"t\", \"item_type\": \"blog post\"}", "item_type"),
                Arguments.of("item_type 51 characters",
                        "{\"title\": \"t\", \"item_type\": \"" + "x".repeat(51) + "\"}", "item_type"),
                Arguments.of("NUL in title", "{\"title\": \"a\\u0000b\"}", "title"),
                Arguments.of("NUL in description", "{\"title\": \"t\", \"description\": \"\\u0000\"}", "description"),
                Arguments.of("NUL in a content value",
                        "{\"title\": \"t\", \"content\": {\"list\": [\"ok\", {\"k\": \"a\\u0000\"}]}}", "content"),
                Arguments.of("NUL in a content key", "{\"title\": \"t\", \"content\": {\"a\\u0000\": 1}}", "content"),
                Arguments.of("NUL in metadata", "{\"title\": \"t\", \"metadata\": {\"k\": \"\\u0000\"}}", "metadata"),
                Arguments.of("lone surrogate in title", "{\"title\": \"a\\ud800b\"}", "title"),
                Arguments.of("lone surrogate in a content value",
                        "{\"title\": \"t\", \"content\": {\"x\": \"a\\udc00\"}}", "content"),
                Arguments.of("reversed pair in metadata",
                        "{\"title\": \"t\", \"metadata\": {\"x\": \"\\ude00\\ud83d\"}}", "metadata"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreations")
    void rejectsInvalidCreationWith400(String description, String body, String field) {
        Response response = api.post("/api/items", owner.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(response)).containsExactly(field);
        assertThat(response.json().get("detail").asString()).contains(field);
        assertThat(ids(api.get("/api/items", owner.token()))).isEmpty();
    }

    @Test
    void reportsMissingTitleOnceAsRequired() {
        Response response = api.post("/api/items", owner.token(), Map.of("description", "no title"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors")).hasSize(1);
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("is required");
        assertThat(response.json().get("detail").asString()).isEqualTo("title: is required");
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                Arguments.of("status bogus", "{\"status\": \"bogus\"}", "status"),
                Arguments.of("title blank", "{\"title\": \"\"}", "title"),
                Arguments.of("title 201 characters", "{\"title\": \"" + "t".repeat(201) + "\"}", "title"),
                Arguments.of("title a number", "{\"title\": 42}", "title"),
                Arguments.of("content an array", "{\"content\": [1, 2]}", "content"),
                Arguments.of("content a string", "{\"content\": \"text\"}", "content"),
                Arguments.of("metadata a string", "{\"metadata\": \"text\"}", "metadata"),
                Arguments.of("item_type with spaces", "{\"item_type\": \"blog post\"}", "item_type"),
                Arguments.of("item_type 51 characters", "{\"item_type\": \"" + "x".repeat(51) + "\"}", "item_type"),
                Arguments.of("NUL in title", "{\"title\": \"a\\u0000b\"}", "title"),
                Arguments.of("NUL in description", "{\"description\": \"\\u0000\"}", "description"),
                Arguments.of("NUL in a content value", "{\"content\": {\"list\": [{\"k\": \"a\\u0000\"}]}}", "content"),
                Arguments.of("NUL in metadata", "{\"metadata\": {\"a\\u0000\": true}}", "metadata"),
                Arguments.of("lone surrogate in description", "{\"description\": \"\\ud800\"}", "description"),
                Arguments.of("lone surrogate in a content list", "{\"content\": {\"list\": [\"a\\udc00\"]}}", "content"));
    }

    @Test
    void surrogatePairsRoundTrip() {
        String body = "{\"title\": \"smile \\ud83d\\ude00\", \"content\": {\"\\ud83d\\ude00\": \"\\ud83d\\ude00\"}}";

        Response created = api.post("/api/items", owner.token(), body);
        JsonNode fetched = api.get("/api/items/" + created.json().get("id").asLong(), owner.token()).json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(fetched.get("title").asString()).isEqualTo("smile \uD83D\uDE00");
        assertThat(fetched.get("content").get("\uD83D\uDE00").asString()).isEqualTo("\uD83D\uDE00");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void rejectsInvalidUpdateWith400(String description, String body, String field) {
        JsonNode before = api.post("/api/items", owner.token(), fullItem()).json();
        long id = before.get("id").asLong();

        Response response = api.put("/api/items/" + id, owner.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(response)).containsExactly(field);
        assertThat(api.get("/api/items/" + id, owner.token()).json()).isEqualTo(before);
    }

    static Stream<Arguments> invalidListQueries() {
        return Stream.of(
                Arguments.of("status=bogus", "status"),
                Arguments.of("skip=-1", "skip"),
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=1001", "limit"),
                Arguments.of("limit=abc", "limit"),
                Arguments.of("skip=abc", "skip"),
                Arguments.of("item_type=a%00b", "item_type"),
                Arguments.of("item_type=blog%20post", "item_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidListQueries")
    void rejectsInvalidListQueryWith400(String query, String field) {
        Response response = api.get("/api/items?" + query, owner.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(response)).containsExactly(field);
    }

    @Test
    void acceptsLimitAtBothBounds() {
        long id = createItem("bounded", "post", "draft");

        Response smallest = api.get("/api/items?limit=1", owner.token());
        Response largest = api.get("/api/items?limit=1000", owner.token());

        assertThat(ids(smallest)).containsExactly(id);
        assertThat(ids(largest)).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void rejectsNonNumericItemIdWith400(String method) {
        Response response = api.send(method, "/api/items/abc", owner.token(), method.equals("PUT") ? "{}" : null,
                Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("item_id");
    }

    // --- access ---

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void rejectsForeignItemWith404LikeMissingOne(String method) {
        JsonNode before = api.post("/api/items", owner.token(), fullItem()).json();
        long id = before.get("id").asLong();
        Session stranger = api.registerNew("items_stranger");
        String body = method.equals("PUT") ? "{\"title\": \"hijacked\", \"description\": null}" : null;

        Response foreign = api.send(method, "/api/items/" + id, stranger.token(), body, Map.of());
        Response missing = api.send(method, "/api/items/" + MISSING_ID, stranger.token(), body, Map.of());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).isEqualTo(missing.header("Content-Type"));
        assertThat(foreign.body().replace(Long.toString(id), "{id}"))
                .isEqualTo(missing.body().replace(Long.toString(MISSING_ID), "{id}"));
        assertThat(api.get("/api/items/" + id, owner.token()).json()).isEqualTo(before);
    }

    static Stream<Arguments> routesWithoutToken() {
        return Stream.of(
                Arguments.of("GET", "/api/items", null),
                Arguments.of("POST", "/api/items", "{\"title\": \"t\"}"),
                Arguments.of("GET", "/api/items/1", null),
                Arguments.of("PUT", "/api/items/1", "{\"title\": \"t\"}"),
                Arguments.of("DELETE", "/api/items/1", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routesWithoutToken")
    void rejectsMissingTokenWith401(String method, String path, String body) {
        Response response = api.send(method, path, null, body, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    // --- fixtures ---

    private long createItem(String title, String itemType, String status) {
        Response response = api.post("/api/items", owner.token(),
                Map.of("title", title, "item_type", itemType, "status", status));
        assertThat(response.status()).as("create %s", title).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static Map<String, Object> fullItem() {
        return Map.of("title", "Full item", "description", "A summary", "content", Map.of("body", "Hello"),
                "item_type", "article", "status", "published", "metadata", Map.of("lang", "en"));
    }

    private static List<Long> ids(Response response) {
        assertThat(response.status()).as("list response %s", response).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> errorFields(Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void keepsDecimalsBeyondDoubleRangeExact() {
        Session alice = api.registerNew("items_decimals");

        Response created = api.post("/api/items", alice.token(),
                "{\"title\": \"numbers\", \"content\": {\"huge\": 1e400, \"price\": 19.90}}");
        Response read = api.get("/api/items/" + created.json().get("id").asLong(), alice.token());

        assertThat(created.status()).isEqualTo(201);
        assertThat(read.body()).doesNotContain("Infinity");
        assertThat(read.json().get("content").get("huge").decimalValue()).isEqualByComparingTo("1e400");
        assertThat(read.json().get("content").get("price").decimalValue()).isEqualByComparingTo("19.90");
    }

    @Test
    void rejectsDuplicateKeys() {
        Session alice = api.registerNew("items_duplicates");

        Response response = api.post("/api/items", alice.token(), "{\"title\": \"a\", \"title\": \"b\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("title");
    }
}
