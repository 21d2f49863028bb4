package io.allice.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The list and single-item reads, which read rows with SQL and pass the JSON columns through as
 * text, must return exactly what the write that stored the item returned. Each subclass picks
 * the database.
 */
abstract class ItemReadsContract {

    private static final String CONTENT = """
            {"blocks": [{"type": "text", "text": "Grüße 世界 \\" \\\\ \\n \\u0001"}, {"n": [1, -2.5, 12345678901234, true, null]}],
             "empty": {}, "list": [], "zero": 0}""";

    @LocalServerPort
    int port;

    ApiClient api;
    Session owner;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        owner = api.registerNew("reads");
    }

    @Test
    void getReturnsCreatedItem() {
        JsonNode created = create("{\"title\": \"Rich\", \"description\": \"d\", \"item_type\": \"note\", "
                + "\"status\": \"published\", \"content\": " + CONTENT + ", \"metadata\": {\"tags\": [\"a\", \"b\"]}}");

        Response fetched = api.get("/api/items/" + created.get("id").asLong(), owner.token());

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("Content-Type")).startsWith("application/json");
        assertThat(fetched.json()).isEqualTo(created);
        assertThat(fetched.json().get("published_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void clearedJsonFieldsReadAsNull() {
        JsonNode created = create("{\"title\": \"Plain\"}");
        long id = created.get("id").asLong();

        JsonNode updated = api.put("/api/items/" + id, owner.token(),
                "{\"content\": null, \"metadata\": null, \"description\": null}").json();
        JsonNode fetched = api.get("/api/items/" + id, owner.token()).json();
        JsonNode listed = api.get("/api/items", owner.token()).json().get(0);

        assertThat(created.get("content").isObject()).isTrue();
        assertThat(fetched).isEqualTo(updated).isEqualTo(listed);
        assertThat(fetched.get("content").isNull()).isTrue();
        assertThat(fetched.get("metadata").isNull()).isTrue();
        assertThat(fetched.get("published_at").isNull()).isTrue();
    }

    @Test
    void listPagesNewestFirstWithEachFilter() {
        List<JsonNode> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String type = i % 2 == 0 ? "post" : "note";
            String status = i < 3 ? "draft" : "archived";
            created.add(create("{\"title\": \"Item " + i + "\", \"item_type\": \"" + type + "\", \"status\": \""
                    + status + "\", \"content\": {\"i\": " + i + "}}"));
        }

        JsonNode all = api.get("/api/items?limit=10", owner.token()).json();
        JsonNode page = api.get("/api/items?skip=1&limit=2", owner.token()).json();
        JsonNode posts = api.get("/api/items?item_type=post", owner.token()).json();
        JsonNode archivedNotes = api.get("/api/items?item_type=note&status=archived", owner.token()).json();
        JsonNode drafts = api.get("/api/items?status=draft", owner.token()).json();

        assertThat(all).containsExactly(created.get(4), created.get(3), created.get(2), created.get(1), created.get(0));
        assertThat(page).containsExactly(created.get(3), created.get(2));
        assertThat(posts).containsExactly(created.get(4), created.get(2), created.get(0));
        assertThat(archivedNotes).containsExactly(created.get(3));
        assertThat(drafts).containsExactly(created.get(2), created.get(1), created.get(0));
    }

    /**
     * Concurrent creates share transactions (group commit). Each must still get its own id, read
     * back as created, and be listed and searchable as soon as its response arrives.
     */
    @Test
    void concurrentCreatesAreStoredAndSearchable() throws Exception {
        int count = 24;
        List<Future<JsonNode>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                String body = "{\"title\": \"Parallel " + i + "\", \"content\": {\"body\": \"quokka " + i + "\"}}";
                pending.add(threads.submit(() -> create(body)));
            }
        }
        Set<Long> ids = new HashSet<>();
        for (Future<JsonNode> created : pending) {
            JsonNode item = created.get();
            ids.add(item.get("id").asLong());
            assertThat(api.get("/api/items/" + item.get("id").asLong(), owner.token()).json()).isEqualTo(item);
        }
        JsonNode listed = api.get("/api/items?limit=100", owner.token()).json();
        JsonNode found = api.get("/api/search?q=quokka&limit=100", owner.token()).json();

        assertThat(ids).hasSize(count);
        assertThat(listed.valueStream().map(item -> item.get("id").asLong()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(found.valueStream().map(result -> result.get("id").asLong()))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void strangerCannotReadItem() {
        long id = create("{\"title\": \"Mine\"}").get("id").asLong();
        Session stranger = api.registerNew("stranger");

        assertThat(api.get("/api/items/" + id, stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/items", stranger.token()).json()).isEmpty();
    }

    private JsonNode create(String body) {
        Response response = api.post("/api/items", owner.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
