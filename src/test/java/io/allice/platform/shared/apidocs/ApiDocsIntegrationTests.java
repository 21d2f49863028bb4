package io.allice.platform.shared.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ApiDocsIntegrationTests {

    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeEach
    void loadDocument() {
        document = ApiClient.onPort(port).get("/openapi.json", null).json();
    }

    @Test
    void resolvesEveryReference() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        assertThat(references).allSatisfy(reference -> {
            String name = reference.substring("#/components/schemas/".length());
            assertThat(document.path("components").path("schemas").has(name)).as(reference).isTrue();
        });
    }

    @Test
    void documentsCreatedAndNoContentStatuses() {
        assertThat(document.at("/paths/~1api~1items/post/responses").has("201")).isTrue();
        assertThat(document.at("/paths/~1api~1items~1{item_id}/delete/responses").has("204")).isTrue();
        assertThat(document.at("/paths/~1api~1chat~1send/post/responses").has("201")).isTrue();
        assertThat(document.at("/paths/~1api~1notify~1send/post/responses").has("201")).isTrue();
        assertThat(document.at("/paths/~1api~1collab~1share/post/responses").has("201")).isTrue();
    }

    @Test
    void documentsErrorsAndBearerScheme() {
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/paths/~1api~1auth~1me/get/responses").has("401")).isTrue();
        assertThat(document.at("/paths/~1api~1auth~1login/post/responses").has("401")).isFalse();
        assertThat(document.at("/paths/~1api~1system~1stats/get/responses").has("403")).isTrue();
    }

    @Test
    void listsEnumValuesOnce() {
        JsonNode roles = document.at("/components/schemas/UserView/properties/role/enum");

        assertThat(roles).extracting(JsonNode::asString).containsExactly("user", "admin");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                    references.add(entry.getValue().asString());
                } else {
                    collectReferences(entry.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
