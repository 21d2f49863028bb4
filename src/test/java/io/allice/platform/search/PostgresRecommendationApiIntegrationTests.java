package io.allice.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Recommendations on PostgreSQL, with its text search. */
@IntegrationTest
class PostgresRecommendationApiIntegrationTests extends RecommendationApiContract {

    @Test
    void apiDocsDescribeTheEndpoint() {
        JsonNode document = api.get("/openapi.json", null).json();

        JsonNode operation = document.get("paths").get("/api/recommendations").get("get");
        assertThat(operation.get("tags").get(0).asString()).isEqualTo("Search & Discovery");
        JsonNode limit = operation.get("parameters").get(0);
        assertThat(limit.get("name").asString()).isEqualTo("limit");
        assertThat(limit.get("schema").get("maximum").asInt()).isEqualTo(50);
        JsonNode fields = document.get("components").get("schemas").get("Recommendation").get("properties");
        assertThat(fields.propertyNames()).contains("id", "type", "title", "reason", "reason_detail", "similar_to",
                "score");
    }
}
